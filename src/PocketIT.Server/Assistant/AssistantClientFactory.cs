using Microsoft.Extensions.AI;
using PocketIT.Server.Assistant.Builtin;
using PocketIT.Server.Assistant.Providers;
using PocketIT.Server.PocketIt.Llm;

namespace PocketIT.Server.Assistant;

/// <summary>The <see cref="IChatClient"/> for a provider choice. One shared HttpClient; timeouts come from the caller.</summary>
public sealed class AssistantClientFactory : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly BuiltinAssistant _builtin = new();

    public IChatClient Create(LlmConfiguration config) => config.Provider switch
    {
        "ollama" => new OllamaChatClient(_http, config.Url ?? LlmSettings.DefaultOllamaUrl, config.Model),
        "openai" => new OpenAiChatClient(_http, config.Url, config.Model, config.ApiKey),
        "anthropic" => new AnthropicChatClient(_http, config.Url, config.Model, config.ApiKey),
        "gemini" => new GeminiChatClient(_http, config.Url, config.Model, config.ApiKey),
        // For the CLI the "url" names the executable, so a non-standard install can be pointed at.
        "claude-cli" => new ClaudeCliChatClient(config.Url ?? "claude", config.Model),
        _ => _builtin,
    };

    public void Dispose() => _http.Dispose();
}
