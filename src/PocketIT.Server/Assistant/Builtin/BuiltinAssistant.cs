using PocketIT.Server.Assistant;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace PocketIT.Server.Assistant.Builtin;

/// <summary>
/// The offline assistant a fresh install answers with: keyword triage of the user's message into a diagnostic
/// or a ticket, and a remediation proposal from the diagnostic it asked for. Deterministic: the same
/// conversation always gets the same reply.
/// </summary>
public sealed class BuiltinAssistant : WholeReplyChatClient
{
    public const string Help =
        "I can help with slow or no internet, printers, a full disk, a slow computer, crashes, and passwords or accounts. Could you tell me a bit more about what's going wrong?";

    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, Reply(list))));
    }

    internal static string Reply(IReadOnlyList<ChatMessage> messages)
    {
        var last = messages.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? "";
        var complaint = LastComplaint(messages);
        if (DiagnosticFeedback.TryRead(last, out var feedback))
            return DiagnosticFollowUp.Reply(feedback.CheckType, feedback.Status, feedback.Results, TicketText(complaint));

        var match = Complaints.Recognise(complaint);
        var reply = match is null ? Help : string.Format(System.Globalization.CultureInfo.InvariantCulture, match.Reply, TicketText(complaint));
        var introduced = messages.Any(m => m.Role == ChatRole.Assistant);
        return introduced ? reply : $"Hi, I'm {AgentName(messages)}, your IT assistant. {reply}";
    }

    /// <summary>The user's latest own words (diagnostic feedback is not the user speaking).</summary>
    private static string LastComplaint(IReadOnlyList<ChatMessage> messages)
    {
        var text = messages.LastOrDefault(m => m.Role == ChatRole.User && !DiagnosticFeedback.IsFeedback(m.Text))?.Text ?? "";
        return UserMessage.Unwrap(text);
    }

    /// <summary>A ticket description cannot hold "]" (it would end the tag) and should stay short.</summary>
    private static string TicketText(string complaint)
    {
        var clean = complaint.Replace(']', ')').Replace('[', '(').Replace('|', '/').ReplaceLineEndings(" ").Trim();
        if (clean.Length == 0) clean = "No description given";
        return "User said: " + (clean.Length > 300 ? clean[..300] : clean);
    }

    private static string AgentName(IReadOnlyList<ChatMessage> messages)
    {
        var system = messages.FirstOrDefault(m => m.Role == ChatRole.System)?.Text ?? "";
        if (!system.StartsWith(SystemPrompt.NamePrefix, StringComparison.Ordinal)) return "your assistant";
        var end = system.IndexOf('.', SystemPrompt.NamePrefix.Length);
        return end < 0 ? "your assistant" : system[SystemPrompt.NamePrefix.Length..end];
    }
}
