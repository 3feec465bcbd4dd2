using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace PocketIT.Server.Assistant.Providers;

/// <summary>Gemini generateContent: <c>x-goog-api-key</c>, <c>contents</c> (user/model), <c>systemInstruction</c> → first candidate's text.</summary>
public sealed class GeminiChatClient(HttpClient http, string? url, string model, string? apiKey) : HttpChatClient(http, "gemini")
{
    protected override HttpRequestMessage BuildRequest(IReadOnlyList<ChatMessage> messages)
    {
        var contents = Turns(messages).Select(t => new { role = t.Role == "assistant" ? "model" : "user", parts = new[] { new { text = t.Content } } });
        var request = Post(Endpoint(url, "https://generativelanguage.googleapis.com", $"/v1beta/models/{Uri.EscapeDataString(model)}:generateContent"), new
        {
            contents,
            systemInstruction = new { parts = new[] { new { text = SystemText(messages) } } },
            generationConfig = new { temperature = 0.7, maxOutputTokens = 4096 },
        });
        if (apiKey is not null) request.Headers.Add("x-goog-api-key", apiKey);
        return request;
    }

    protected override string? ReadText(JsonNode reply) => reply["candidates"]?[0]?["content"]?["parts"]?[0]?["text"]?.GetValue<string>();
}
