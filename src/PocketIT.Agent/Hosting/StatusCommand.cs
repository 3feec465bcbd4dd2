using PocketIT.Agent.Identity;
using PocketIT.Agent.Approval;
using PocketIT.Agent.LocalChat;

namespace PocketIT.Agent.Hosting;

/// <summary><c>pocketit-agent status</c>: running? enrolled? connected? Exit 0 when connected, 1 otherwise.</summary>
public static class StatusCommand
{
    public static async Task<int> RunAsync(string dataDir, IReadOnlyList<string> socketPaths, TextWriter output, CancellationToken ct)
    {
        var saved = new CredentialStore(Path.Combine(dataDir, "credentials.json")).Load();
        var status = await AskAgentAsync(socketPaths, ct);
        // Another account's agent (a service) keeps its credentials out of reach; its own answer tells the device.
        var device = saved?.DeviceId ?? (status?.Message is { Type: "status" } answer ? answer.DeviceId : null);
        output.WriteLine(device is null ? "enrolled: no" : $"enrolled: yes (device {device}" + (saved is null ? ")" : $", server {saved.ServerUrl})"));
        if (status is null)
        {
            output.WriteLine("running: no");
            return 1;
        }
        if (status.Message is not { } message)
        {
            output.WriteLine("running: yes (no answer to the status request)");
            return 1;
        }
        if (message.Type == "refused")
        {
            output.WriteLine("running: yes (" + TerminalText.Line(message.Text) + ")");
            return 1;
        }
        output.WriteLine("running: yes");
        output.WriteLine($"connected: {(message.Connected == true ? "yes" : "no")}");
        return message.Connected == true ? 0 : 1;
    }

    private sealed record Answer(LocalMessage? Message);

    /// <summary>Null when no agent answers on any socket; an empty answer when one is there but says nothing.</summary>
    private static async Task<Answer?> AskAgentAsync(IReadOnlyList<string> socketPaths, CancellationToken ct)
    {
        foreach (var path in socketPaths.Distinct())
        {
            await using var client = await LocalChatClient.TryConnectAsync(path, ct);
            if (client is null) continue;
            await client.SendAsync(new LocalMessage { Type = "status" }, ct);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limit.CancelAfter(TimeSpan.FromSeconds(5));
            try
            {
                while (await client.ReceiveAsync(limit.Token) is { } message)
                    if (message.Type is "status" or "refused") return new Answer(message);
            }
            catch (OperationCanceledException) { }
            return new Answer(null);
        }
        return null;
    }
}
