using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace PocketIT.Server.Assistant.Providers;

/// <summary>Anthropic messages: <c>x-api-key</c>, <c>anthropic-version</c>, <c>{model,max_tokens,system,messages}</c> → <c>content[0].text</c>.</summary>
public sealed class AnthropicChatClient(HttpClient http, string? url, string model, string? apiKey) : HttpChatClient(http, "anthropic")
{
    public const string ApiVersion = "2023-06-01";

    protected override HttpRequestMessage BuildRequest(IReadOnlyList<ChatMessage> messages)
    {
        var turns = Turns(messages).Select(t => new { role = t.Role, content = t.Content });
        var request = Post(Endpoint(url, "https://api.anthropic.com", "/v1/messages"),
            new { model, max_tokens = 4096, system = SystemText(messages), messages = turns });
        if (apiKey is not null) request.Headers.Add("x-api-key", apiKey);
        request.Headers.Add("anthropic-version", ApiVersion);
        return request;
    }

    protected override string? ReadText(JsonNode reply) => reply["content"]?[0]?["text"]?.GetValue<string>();
}
