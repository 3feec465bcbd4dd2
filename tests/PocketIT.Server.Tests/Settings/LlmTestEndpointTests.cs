using PocketIT.Server.Tests.Assistant;
using PocketIT.Server.Tests.Infrastructure;

namespace PocketIT.Server.Tests.Settings;

/// <summary>The Settings page's "Test" button against a local stub of Ollama's API, unsaved overrides and saved settings.</summary>
public sealed class LlmTestEndpointTests(PocketItFactory factory) : IClassFixture<PocketItFactory>
{
    private const string OllamaReply = """{"message":{"role":"assistant","content":"  Hello from the stub.  "}}""";

    [Fact]
    public async Task Unsaved_override_reaches_the_provider_and_the_reply_comes_back_trimmed()
    {
        await using var stub = await StubProvider.StartAsync("/api/chat", OllamaReply);
        var result = await (await factory.Api().Post("/api/settings/llm/test",
            new { provider = "ollama", model = "qwen2.5", url = stub.BaseUri.ToString() })).ShouldSucceed();

        Assert.True(result["ok"]!.GetValue<bool>(), result.ToJsonString());
        Assert.Equal("ollama", result["provider"]!.GetValue<string>());
        Assert.Equal("qwen2.5", result["model"]!.GetValue<string>());
        Assert.Equal("Hello from the stub.", result["reply"]!.GetValue<string>());
        Assert.True(result["ms"]!.GetValue<long>() >= 0);
        Assert.Equal("qwen2.5", stub.LastBody!["model"]!.GetValue<string>());

        // Nothing was saved by testing.
        var settings = await (await factory.Api().Get("/api/settings")).ShouldSucceed();
        Assert.Equal("builtin", settings["llm"]!["provider"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_failing_provider_is_a_result_not_a_server_error()
    {
        await using var stub = await StubProvider.StartAsync("/api/chat", OllamaReply);
        stub.Behaviour = StubProvider.Mode.Fail;
        var result = await (await factory.Api().Post("/api/settings/llm/test", new { provider = "ollama", url = stub.BaseUri.ToString() })).ShouldSucceed();
        Assert.False(result["ok"]!.GetValue<bool>());
        Assert.Contains("HTTP 500", result["error"]!.GetValue<string>());
        Assert.Null(result["reply"]);

        var unreachable = await (await factory.Api().Post("/api/settings/llm/test", new { provider = "ollama", url = "http://127.0.0.1:1" })).ShouldSucceed();
        Assert.False(unreachable["ok"]!.GetValue<bool>());
        Assert.Contains("Could not reach ollama", unreachable["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_a_body_the_current_provider_is_tested()
    {
        var result = await (await factory.Api().Post("/api/settings/llm/test")).ShouldSucceed();
        Assert.True(result["ok"]!.GetValue<bool>(), result.ToJsonString());
        Assert.Equal("builtin", result["provider"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(result["reply"]!.GetValue<string>()));
    }
}
