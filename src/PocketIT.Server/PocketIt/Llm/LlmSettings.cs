using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using PocketIT.Server.Core.Hosting;
using PocketIT.Server.PocketIt.Settings;

namespace PocketIT.Server.PocketIt.Llm;

/// <summary>The assistant's effective provider, model and endpoint. The key is for the provider only, never for the wire.</summary>
public sealed record LlmConfiguration(string Provider, string Model, string? Url, [property: JsonIgnore] string? ApiKey);

/// <summary>
/// Resolves what the server actually uses: the admin's saved settings (<c>llm.*</c>) over <c>PocketIT:Ai</c>,
/// filling each provider's default model.
/// </summary>
public sealed class LlmSettings(IOptionsMonitor<PocketItOptions> options, StoredSettings? stored = null)
{
    public const string Builtin = "builtin";
    public const string Ollama = "ollama";
    public const string DefaultOllamaUrl = "http://localhost:11434";

    public static readonly IReadOnlyDictionary<string, string> DefaultModels = new Dictionary<string, string>
    {
        [Builtin] = "builtin",
        [Ollama] = "llama3.2",
        ["openai"] = "gpt-4o-mini",
        ["anthropic"] = "claude-sonnet-4-5-20250929",
        ["gemini"] = "gemini-2.5-flash-lite",
        ["claude-cli"] = "default",
    };

    public LlmConfiguration Current => Resolve(Effective());

    /// <summary>An unknown provider falls back to the built-in assistant, which is what would answer the chat.</summary>
    public static LlmConfiguration Resolve(AiOptions ai)
    {
        var provider = ai.Provider?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(provider) || !DefaultModels.ContainsKey(provider)) provider = Builtin;
        var model = string.IsNullOrWhiteSpace(ai.Model) || provider == Builtin ? DefaultModels[provider] : ai.Model.Trim();
        var url = string.IsNullOrWhiteSpace(ai.Url) ? (provider == Ollama ? DefaultOllamaUrl : null) : ai.Url.Trim();
        if (provider == Builtin) url = null;
        return new LlmConfiguration(provider, model, url, string.IsNullOrWhiteSpace(ai.ApiKey) ? null : ai.ApiKey);
    }

    /// <summary>
    /// Saved values win field by field. When the saved provider differs from the configured one, the configured
    /// model, URL and key belonged to that other provider and are not carried over.
    /// </summary>
    private AiOptions Effective()
    {
        var configured = options.CurrentValue.Ai;
        if (stored is null) return configured;
        var provider = stored.Get(SettingKeys.LlmProvider);
        var sameProvider = provider is null || string.Equals(provider, configured.Provider?.Trim(), StringComparison.OrdinalIgnoreCase);
        return new AiOptions
        {
            Provider = provider ?? configured.Provider ?? Builtin,
            Model = stored.Get(SettingKeys.LlmModel) ?? (sameProvider ? configured.Model : null),
            Url = stored.Get(SettingKeys.LlmUrl) ?? (sameProvider ? configured.Url : null),
            ApiKey = stored.GetSecret(SettingKeys.LlmApiKey) ?? (sameProvider ? configured.ApiKey : null),
            TimeoutSeconds = configured.TimeoutSeconds,
        };
    }
}
