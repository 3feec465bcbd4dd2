using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace PocketIT.Server.Assistant.Providers;

/// <summary>Ollama: <c>POST {url}/api/chat {model,messages,stream:false}</c> → <c>message.content</c>.</summary>
public sealed class OllamaChatClient(HttpClient http, string url, string model) : HttpChatClient(http, "ollama")
{
    protected override HttpRequestMessage BuildRequest(IReadOnlyList<ChatMessage> messages)
    {
        var all = messages.Select(m => new { role = m.Role == ChatRole.System ? "system" : m.Role == ChatRole.Assistant ? "assistant" : "user", content = m.Text });
        return Post(Endpoint(url, "http://localhost:11434", "/api/chat"), new { model, messages = all, stream = false });
    }

    protected override string? ReadText(JsonNode reply) => reply["message"]?["content"]?.GetValue<string>();
}
