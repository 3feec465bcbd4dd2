using System.Text.Json.Serialization;

namespace PocketIT.Server.PocketIt.Settings;

/// <summary><c>GET /api/settings</c>. The API key appears only as whether it is set and its masked form.</summary>
public sealed record SettingsView(LlmSettingsView Llm, AiSettingsView Ai, ServerSettingsView Server);

public sealed record LlmSettingsView(string Provider, string Model, string? Url,
    [property: JsonPropertyName("apiKeySet")] bool ApiKeySet,
    [property: JsonPropertyName("apiKeyMasked")] string? ApiKeyMasked);

public sealed record AiSettingsView(bool Enabled);

public sealed record ServerSettingsView([property: JsonPropertyName("publicUrl")] string? PublicUrl);

/// <summary><c>POST /api/settings/llm/test</c>: a provider's failure is a result (<c>ok:false</c>), not a server error.</summary>
public sealed record LlmTestResult(bool Ok,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Provider,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Model,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reply,
    long Ms,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error);

/// <summary>The shape of <c>PUT /api/settings</c> for the API document; the handler reads the raw JSON (absent ≠ null). Every part is optional.</summary>
public sealed class SettingsRequest
{
    public LlmTestOverrides? Llm { get; init; }
    public AiSettingsView? Ai { get; init; }
    public ServerSettingsView? Server { get; init; }
}

/// <summary>
/// The LLM fields, each optional: in <c>PUT /api/settings</c> under <c>llm</c> (an empty <c>apiKey</c> removes the
/// stored key), and as the optional body of <c>POST /api/settings/llm/test</c> (tried instead of the saved values, unsaved).
/// </summary>
public sealed class LlmTestOverrides
{
    public string? Provider { get; init; }
    public string? Model { get; init; }
    public string? Url { get; init; }
    [JsonPropertyName("apiKey")] public string? ApiKey { get; init; }
}
