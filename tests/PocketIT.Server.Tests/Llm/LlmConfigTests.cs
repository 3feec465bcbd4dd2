using System.Net;
using PocketIT.Server.Tests.Devices;
using PocketIT.Server.Tests.Infrastructure;

namespace PocketIT.Server.Tests.Llm;

public sealed class LlmConfigTests(PocketItFactory factory) : IClassFixture<PocketItFactory>
{
    [Fact]
    public async Task Default_is_the_builtin_assistant_shown_to_anonymous_remote_callers()
    {
        var config = await (await factory.RemoteApi().Get("/api/llm/config")).ShouldSucceed();
        Assert.Equal(new HashSet<string> { "provider", "model", "url" }, config.Keys());
        Assert.Equal("builtin", config["provider"]!.GetValue<string>());
        Assert.Equal("builtin", config["model"]!.GetValue<string>());
        Assert.Null(config["url"]);

        var models = await (await factory.RemoteApi().Get("/api/llm/models")).ShouldSucceed();
        Assert.Equal(new HashSet<string> { "provider", "model" }, models.Keys());
        Assert.Equal("builtin", models["provider"]!.GetValue<string>());
    }
}

/// <summary>An OpenAI setup with a key configured, to prove the key never leaves the server.</summary>
public sealed class OpenAiFactory : PocketItFactory
{
    public const string Key = "sk-test-very-secret-key-0123456789";

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("PocketIT:Ai:Provider", "openai"),
        new("PocketIT:Ai:ApiKey", Key),
    ];
}

public sealed class LlmSecretTests(OpenAiFactory factory) : IClassFixture<OpenAiFactory>
{
    [Theory]
    [InlineData("/api/llm/config")]
    [InlineData("/api/llm/models")]
    public async Task Api_key_is_never_returned(string path)
    {
        var response = await factory.RemoteApi().Get(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(OpenAiFactory.Key, text);
        Assert.DoesNotContain("sk-", text);
        Assert.DoesNotContain("key", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Configured_provider_gets_its_default_model()
    {
        var config = await (await factory.RemoteApi().Get("/api/llm/config")).ShouldSucceed();
        Assert.Equal("openai", config["provider"]!.GetValue<string>());
        Assert.Equal("gpt-4o-mini", config["model"]!.GetValue<string>());
    }
}
