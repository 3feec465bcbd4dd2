using System.Text.Json;
using System.Text.Json.Serialization;

namespace PocketIT.Agent.LocalChat;

/// <summary>
/// One line of newline-delimited JSON between the agent and <c>pocketit-agent chat</c>.
/// Agent → chat: <c>hello</c>/<c>status</c> (deviceId, connected, server), <c>line</c> (sender, name?, text),
/// <c>approval</c> (id, text), <c>approval_closed</c> (id, approved), <c>refused</c> (text; the
/// agent hangs up: this account may not chat).
/// Chat → agent: <c>chat</c> (text), <c>answer</c> (id, approved), <c>status</c>.
/// </summary>
public sealed record LocalMessage
{
    [JsonPropertyName("type")] public required string Type { get; init; }
    [JsonPropertyName("sender")] public string? Sender { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("text")] public string? Text { get; init; }
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("approved")] public bool? Approved { get; init; }
    [JsonPropertyName("connected")] public bool? Connected { get; init; }
    [JsonPropertyName("deviceId")] public string? DeviceId { get; init; }
    [JsonPropertyName("server")] public string? Server { get; init; }

    public const int MaxLineChars = 64 * 1024;

    public string ToJson() => JsonSerializer.Serialize(this, LocalJson.Default.LocalMessage);

    /// <summary>The message on one line, or null when it is not one.</summary>
    public static LocalMessage? TryParse(string? line)
    {
        if (string.IsNullOrWhiteSpace(line) || line.Length > MaxLineChars) return null;
        try { return JsonSerializer.Deserialize(line, LocalJson.Default.LocalMessage); }
        catch (JsonException) { return null; }
    }

    public static LocalMessage Line(string sender, string text, string? name = null) => new() { Type = "line", Sender = sender, Text = text, Name = name };
}

[JsonSerializable(typeof(LocalMessage))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class LocalJson : JsonSerializerContext;
