using PocketIT.Server.Core.Hosting;
using PocketIT.Server.PocketIt.Llm;

namespace PocketIT.Server.Tests.Llm;

public sealed class LlmSettingsTests
{
    [Theory]
    [InlineData("builtin", "builtin", null)]
    [InlineData("ollama", "llama3.2", "http://localhost:11434")]
    [InlineData("openai", "gpt-4o-mini", null)]
    [InlineData("anthropic", "claude-sonnet-4-5-20250929", null)]
    [InlineData("gemini", "gemini-2.5-flash-lite", null)]
    [InlineData("claude-cli", "default", null)]
    [InlineData("OLLAMA ", "llama3.2", "http://localhost:11434")]
    public void Each_provider_gets_its_default_model(string provider, string model, string? url)
    {
        var resolved = LlmSettings.Resolve(new AiOptions { Provider = provider });
        Assert.Equal(provider.Trim().ToLowerInvariant(), resolved.Provider);
        Assert.Equal(model, resolved.Model);
        Assert.Equal(url, resolved.Url);
    }

    [Fact]
    public void Configured_model_and_url_win()
    {
        var resolved = LlmSettings.Resolve(new AiOptions { Provider = "ollama", Model = "qwen2.5", Url = "http://gpu-box:11434" });
        Assert.Equal("qwen2.5", resolved.Model);
        Assert.Equal("http://gpu-box:11434", resolved.Url);
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-such-provider")]
    public void Missing_or_unknown_provider_is_the_builtin_assistant(string provider)
    {
        var resolved = LlmSettings.Resolve(new AiOptions { Provider = provider, Model = "x" });
        Assert.Equal("builtin", resolved.Provider);
        Assert.Equal("builtin", resolved.Model);
    }
}
