using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using PocketIT.Server.Core.Hosting;

namespace PocketIT.Server.PocketIt.Llm;

/// <summary>The assistant's effective provider, model and endpoint. The key is for the provider only, never for the wire.</summary>
public sealed record LlmConfiguration(string Provider, string Model, string? Url, [property: JsonIgnore] string? ApiKey);

/// <summary>Resolves <c>PocketIT:Ai</c> into what the server actually uses, filling each provider's default model.</summary>
public sealed class LlmSettings(IOptionsMonitor<PocketItOptions> options)
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

    public LlmConfiguration Current => Resolve(options.CurrentValue.Ai);

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
}
