using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace PocketIT.Server.Assistant;

/// <summary>
/// An <see cref="IChatClient"/> that only produces whole replies: a stream is that reply as one update.
/// Providers implement <see cref="GetResponseAsync"/> and nothing else.
/// </summary>
public abstract class WholeReplyChatClient : IChatClient
{
    public abstract Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages,
        ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates()) yield return update;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose() => GC.SuppressFinalize(this);
}
