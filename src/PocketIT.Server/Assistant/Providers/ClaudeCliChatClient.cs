using PocketIT.Server.Assistant;
using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.AI;

namespace PocketIT.Server.Assistant.Providers;

/// <summary>
/// The Claude CLI: <c>claude -p [--model m]</c> with the conversation on stdin as <c>&lt;system&gt;…&lt;/system&gt;</c>
/// then <c>User:</c>/<c>Assistant:</c> turns ending with <c>Assistant:</c>; stdout is the reply. A non-zero exit is an error.
/// </summary>
public sealed class ClaudeCliChatClient(string command, string model) : WholeReplyChatClient
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        var start = new ProcessStartInfo(command)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-p");
        if (model != "default") { start.ArgumentList.Add("--model"); start.ArgumentList.Add(model); }

        using var process = Process.Start(start) ?? throw new AssistantProviderException("claude-cli could not be started");
        try
        {
            try
            {
                await process.StandardInput.WriteAsync(Transcript(list).AsMemory(), cancellationToken);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The process exited without reading its input; its exit code says what went wrong.
            }
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            var text = (await stdout).Trim();
            await stderr;
            if (process.ExitCode != 0) throw new AssistantProviderException($"claude-cli exited with {process.ExitCode}");
            if (text.Length == 0) throw new AssistantProviderException("claude-cli printed nothing");
            return new ChatResponse(new ChatMessage(ChatRole.Assistant, text));
        }
        finally
        {
            // A timeout cancels the wait; the process must not outlive the request.
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    internal static string Transcript(IReadOnlyList<ChatMessage> messages)
    {
        var sb = new StringBuilder();
        var system = string.Join("\n\n", messages.Where(m => m.Role == ChatRole.System).Select(m => m.Text));
        sb.Append("<system>").Append(system).Append("</system>\n\n");
        foreach (var m in messages.Where(m => m.Role != ChatRole.System))
            sb.Append(m.Role == ChatRole.Assistant ? "Assistant: " : "User: ").Append(m.Text).Append("\n\n");
        sb.Append("Assistant:");
        return sb.ToString();
    }
}
