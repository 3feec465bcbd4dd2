using System.Text.Json;
using PocketIT.Server.PocketIt.Llm;

namespace PocketIT.Server.PocketIt.Settings;

/// <summary>
/// A validated <c>PUT /api/settings</c>: the rows to write (a null value deletes the row, so configuration applies
/// again) and the names of the fields changed, for the audit log. Absent fields stay as they are.
/// </summary>
public sealed record SettingsUpdate(IReadOnlyDictionary<string, string?> Rows, IReadOnlyList<string> Changed)
{
    /// <summary>Everything is checked before anything is written; the first problem is the answer.</summary>
    public static (SettingsUpdate? Update, string? Error) Parse(JsonElement body, LlmConfiguration current)
    {
        if (body.ValueKind != JsonValueKind.Object) return (null, "The body must be a JSON object");
        var rows = new Dictionary<string, string?>();
        var changed = new List<string>();

        if (Section(body, "llm", out var llm) is { } llmError) return (null, llmError);
        if (llm is { } l && ParseLlm(l, current, rows, changed) is { } error) return (null, error);

        if (Section(body, "ai", out var ai) is { } aiError) return (null, aiError);
        if (ai is { } a && a.TryGetProperty("enabled", out var enabled))
        {
            if (enabled.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) return (null, "'ai.enabled' must be true or false");
            rows[SettingKeys.AiEnabled] = enabled.GetBoolean() ? "true" : "false";
            changed.Add("ai.enabled");
        }

        if (Section(body, "server", out var server) is { } serverError) return (null, serverError);
        if (server is { } s && s.TryGetProperty("publicUrl", out var publicUrl))
        {
            var (text, typeError) = OptionalString(publicUrl, "server.publicUrl");
            if (typeError is not null) return (null, typeError);
            if (text is not null && SettingsRules.PublicUrl(text) is { } urlError) return (null, urlError);
            rows[SettingKeys.PublicUrl] = text?.TrimEnd('/');
            changed.Add("server.publicUrl");
        }

        return changed.Count == 0
            ? (null, "Nothing to update: send any of llm.provider, llm.model, llm.url, llm.apiKey, ai.enabled, server.publicUrl")
            : (new SettingsUpdate(rows, changed), null);
    }

    private static string? ParseLlm(JsonElement llm, LlmConfiguration current, Dictionary<string, string?> rows, List<string> changed)
    {
        var provider = current.Provider;
        if (llm.TryGetProperty("provider", out var providerValue))
        {
            if (providerValue.ValueKind != JsonValueKind.String) return "'llm.provider' must be a string";
            var chosen = providerValue.GetString()!.Trim().ToLowerInvariant();
            if (SettingsRules.Provider(chosen) is { } error) return error;
            if (chosen != current.Provider)
            {
                // The old provider's model and URL mean nothing to the new one; its default applies unless given below.
                rows[SettingKeys.LlmModel] = null;
                rows[SettingKeys.LlmUrl] = null;
            }
            rows[SettingKeys.LlmProvider] = chosen;
            provider = chosen;
            changed.Add("llm.provider");
        }
        if (llm.TryGetProperty("model", out var model))
        {
            var (text, error) = OptionalString(model, "llm.model");
            if ((error ?? (text is null ? null : SettingsRules.Model(text))) is { } message) return message;
            rows[SettingKeys.LlmModel] = text;
            changed.Add("llm.model");
        }
        if (llm.TryGetProperty("url", out var url))
        {
            var (text, error) = OptionalString(url, "llm.url");
            if ((error ?? (text is null ? null : SettingsRules.Url(text, provider))) is { } message) return message;
            rows[SettingKeys.LlmUrl] = text;
            changed.Add("llm.url");
        }
        if (llm.TryGetProperty("apiKey", out var apiKey))
        {
            var (text, error) = OptionalString(apiKey, "llm.apiKey");
            if ((error ?? (text is null ? null : SettingsRules.ApiKey(text))) is { } message) return message;
            rows[SettingKeys.LlmApiKey] = text; // encrypted by the endpoint before it is stored
            changed.Add("llm.apiKey");
        }
        return null;
    }

    /// <summary>An object section, or absent; anything else is an error.</summary>
    private static string? Section(JsonElement body, string name, out JsonElement? section)
    {
        section = null;
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Object) return $"'{name}' must be an object";
        section = value;
        return null;
    }

    /// <summary>A string (trimmed; empty means "clear") or null (clear). Raw JSON skips the NUL-stripping converter, so NULs go here.</summary>
    internal static (string? Text, string? Error) OptionalString(JsonElement value, string field) => value.ValueKind switch
    {
        JsonValueKind.Null => (null, null),
        JsonValueKind.String => (Core.Http.Validation.Optional(value.GetString()!.Replace("\0", "")), null),
        _ => (null, $"'{field}' must be a string or null"),
    };
}
