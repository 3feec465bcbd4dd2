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
