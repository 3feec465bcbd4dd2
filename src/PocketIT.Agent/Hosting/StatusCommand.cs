using PocketIT.Agent.Identity;
using PocketIT.Agent.LocalChat;

namespace PocketIT.Agent.Hosting;

/// <summary><c>pocketit-agent status</c>: running? enrolled? connected? Exit 0 when connected, 1 otherwise.</summary>
public static class StatusCommand
{
    public static async Task<int> RunAsync(string dataDir, TextWriter output, CancellationToken ct)
    {
        var saved = new CredentialStore(Path.Combine(dataDir, "credentials.json")).Load();
        output.WriteLine(saved is null ? "enrolled: no" : $"enrolled: yes (device {saved.DeviceId}, server {saved.ServerUrl})");
        await using var client = await LocalChatClient.TryConnectAsync(ChatSocketPath.For(dataDir), ct);
        if (client is null)
        {
            output.WriteLine("running: no");
            return 1;
        }
        await client.SendAsync(new LocalMessage { Type = "status" }, ct);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            while (await client.ReceiveAsync(limit.Token) is { } message)
            {
                if (message.Type != "status") continue;
                output.WriteLine("running: yes");
                output.WriteLine($"connected: {(message.Connected == true ? "yes" : "no")}");
                return message.Connected == true ? 0 : 1;
            }
        }
        catch (OperationCanceledException) { }
        output.WriteLine("running: yes (no answer to the status request)");
        return 1;
    }
}
