using System.Text.Json;
using PocketIT.Server.PocketIt.Llm;

namespace PocketIT.Server.PocketIt.Settings;

/// <summary>
/// The body of <c>POST /api/settings/llm/test</c>: optional <c>{provider, model, url, apiKey}</c> tried instead of
/// the saved values, without saving them, so an admin can check a choice before committing to it.
/// </summary>
public static class LlmTestRequest
{
    public static (LlmConfiguration? Config, string? Error) Resolve(JsonElement? body, LlmConfiguration current)
    {
        if (body is not { } b || b.ValueKind == JsonValueKind.Null) return (current, null);
        if (b.ValueKind != JsonValueKind.Object) return (null, "The body must be a JSON object");

        var provider = current.Provider;
        if (b.TryGetProperty("provider", out var p))
        {
            if (p.ValueKind != JsonValueKind.String) return (null, "'provider' must be a string");
            provider = p.GetString()!.Trim().ToLowerInvariant();
            if (SettingsRules.Provider(provider) is { } error) return (null, error.Replace("llm.", ""));
        }
        var sameProvider = provider == current.Provider;

        var (model, modelError) = Field(b, "model", sameProvider ? current.Model : null, v => SettingsRules.Model(v));
        var (url, urlError) = Field(b, "url", sameProvider ? current.Url : null, v => SettingsRules.Url(v, provider));
        var (apiKey, keyError) = Field(b, "apiKey", current.ApiKey, v => SettingsRules.ApiKey(v));
        if (Core.Http.Validation.First(modelError, urlError, keyError) is { } message) return (null, message.Replace("llm.", ""));

        // Resolve again so defaults (model per provider, Ollama's URL) apply exactly as they would in the chat.
        return (LlmSettings.Resolve(new Core.Hosting.AiOptions { Provider = provider, Model = model, Url = url, ApiKey = apiKey }), null);
    }

    /// <summary>Absent keeps the fallback; null or empty clears it; a string is checked.</summary>
    private static (string? Value, string? Error) Field(JsonElement body, string name, string? fallback, Func<string, string?> check)
    {
        if (!body.TryGetProperty(name, out var value)) return (fallback, null);
        var (text, error) = SettingsUpdate.OptionalString(value, name);
        if (error is not null) return (null, error);
        return text is null ? (null, null) : (text, check(text));
    }
}
