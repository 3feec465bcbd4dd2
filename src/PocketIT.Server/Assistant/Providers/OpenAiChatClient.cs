using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace PocketIT.Server.Assistant.Providers;

/// <summary>OpenAI chat completions: Bearer key, <c>{model,messages,temperature:0.7}</c> → <c>choices[0].message.content</c>.</summary>
public sealed class OpenAiChatClient(HttpClient http, string? url, string model, string? apiKey) : HttpChatClient(http, "openai")
{
    protected override HttpRequestMessage BuildRequest(IReadOnlyList<ChatMessage> messages)
    {
        var system = SystemText(messages);
        var all = (system.Length > 0 ? new[] { (Role: "system", Content: system) } : []).Concat(Turns(messages))
            .Select(t => new { role = t.Role, content = t.Content });
        var request = Post(Endpoint(url, "https://api.openai.com", "/v1/chat/completions"), new { model, messages = all, temperature = 0.7 });
        if (apiKey is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return request;
    }

    protected override string? ReadText(JsonNode reply) => reply["choices"]?[0]?["message"]?["content"]?.GetValue<string>();
}
