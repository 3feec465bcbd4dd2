using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using PocketIT.Server.Core.Hosting;
using PocketIT.Server.PocketIt.Llm;

namespace PocketIT.Server.Assistant;

/// <summary>One turn of the conversation as stored: who spoke and what they said.</summary>
public sealed record ConversationTurn(string Sender, string Content);

/// <summary>The assistant's answer, or <see cref="Failed"/> when the provider erred or timed out.</summary>
public sealed record AssistantReply(string Text, AssistantAction? Action, WishTag? Wish, bool Failed)
{
    public const string FailureText =
        "Sorry, I couldn't reach the assistant just now. Your message was saved; please try again in a moment.";

    public static readonly AssistantReply Failure = new(FailureText, null, null, true);
}

/// <summary>The one interface the chat talks to: given a device and its stored conversation, an answer.</summary>
public interface IDeviceAssistant
{
    Task<AssistantReply> ReplyAsync(DeviceContext device, IReadOnlyList<ConversationTurn> history, string? feedback,
        CancellationToken cancellationToken = default);
}

/// <summary>
/// Builds the prompt (system text, the last 20 stored turns, optional diagnostic feedback), asks the configured
/// <see cref="IChatClient"/> within the timeout, and parses the action tags. Any provider failure becomes
/// <see cref="AssistantReply.Failure"/>; the caller has already stored the user's message.
/// </summary>
public sealed class DeviceAssistant(AssistantClientFactory clients, LlmSettings settings, IOptionsMonitor<PocketItOptions> options,
    TimeProvider time, ILogger<DeviceAssistant> logger) : IDeviceAssistant
{
    public const int ContextTurns = 20;

    public async Task<AssistantReply> ReplyAsync(DeviceContext device, IReadOnlyList<ConversationTurn> history, string? feedback,
        CancellationToken cancellationToken = default)
    {
        var config = settings.Current;
        var messages = new List<ChatMessage> { new(ChatRole.System, SystemPrompt.Build(AgentNames.For(device.DeviceId), device, time.GetUtcNow())) };
        messages.AddRange(history.TakeLast(ContextTurns).Select(ToMessage));
        if (feedback is not null) messages.Add(new ChatMessage(ChatRole.User, feedback));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, options.CurrentValue.Ai.TimeoutSeconds)));
        try
        {
            var response = await clients.Create(config).GetResponseAsync(messages, cancellationToken: timeout.Token);
            var parsed = ActionTagParser.Parse(response.Text);
            if (parsed.Text.Length == 0 && parsed.Action is null) return AssistantReply.Failure;
            return new AssistantReply(parsed.Text, parsed.Action, parsed.Wish, false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Assistant provider {Provider} failed for device {DeviceId}: {Error}", config.Provider, device.DeviceId, ex.Message);
            return AssistantReply.Failure;
        }
    }

    private static ChatMessage ToMessage(ConversationTurn turn) => turn.Sender switch
    {
        "ai" => new ChatMessage(ChatRole.Assistant, turn.Content),
        "it_tech" => new ChatMessage(ChatRole.User, "[IT technician to the user] " + PromptSanitizer.Clean(turn.Content)),
        _ => new ChatMessage(ChatRole.User, UserMessage.Wrap(turn.Content)),
    };
}
