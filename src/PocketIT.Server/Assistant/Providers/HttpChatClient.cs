using PocketIT.Server.Assistant;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace PocketIT.Server.Assistant.Providers;

/// <summary>The provider's answer was missing, malformed or an HTTP error; the message never carries the API key.</summary>
public sealed class AssistantProviderException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// A remote model behind one JSON POST: subclasses build the provider's request body and read its reply text.
/// Timeouts come from the caller's cancellation token, so one setting governs every provider.
/// </summary>
public abstract class HttpChatClient(HttpClient http, string provider) : WholeReplyChatClient
{
    protected abstract HttpRequestMessage BuildRequest(IReadOnlyList<ChatMessage> messages);

    protected abstract string? ReadText(JsonNode reply);

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        using var request = BuildRequest(messages.ToList());
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new AssistantProviderException($"{provider} answered HTTP {(int)response.StatusCode}");
        JsonNode? body;
        try { body = await response.Content.ReadFromJsonAsync<JsonNode>(cancellationToken); }
        catch (JsonException ex) { throw new AssistantProviderException($"{provider} sent a reply that is not JSON", ex); }
        string? text;
        try { text = body is null ? null : ReadText(body); }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or IndexOutOfRangeException)
        {
            throw new AssistantProviderException($"{provider} sent a reply of an unexpected shape", ex);
        }
        if (string.IsNullOrWhiteSpace(text)) throw new AssistantProviderException($"{provider} sent an empty reply");
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, text));
    }

    protected static HttpRequestMessage Post(string url, object body) => new(HttpMethod.Post, url) { Content = JsonContent.Create(body) };

    protected static string SystemText(IReadOnlyList<ChatMessage> messages) =>
        string.Join("\n\n", messages.Where(m => m.Role == ChatRole.System).Select(m => m.Text));

    /// <summary>The conversation without system messages, roles as the OpenAI-style APIs spell them.</summary>
    protected static IEnumerable<(string Role, string Content)> Turns(IReadOnlyList<ChatMessage> messages) =>
        messages.Where(m => m.Role != ChatRole.System)
            .Select(m => (m.Role == ChatRole.Assistant ? "assistant" : "user", m.Text));

    protected static string Endpoint(string? configured, string fallbackBase, string path) =>
        (string.IsNullOrWhiteSpace(configured) ? fallbackBase : configured.TrimEnd('/')) + path;
}
