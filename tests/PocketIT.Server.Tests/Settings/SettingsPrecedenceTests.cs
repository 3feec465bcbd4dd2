using PocketIT.Server.Tests.Infrastructure;
using PocketIT.Server.Tests.Llm;

namespace PocketIT.Server.Tests.Settings;

/// <summary>Saved settings win over <c>PocketIT:Ai</c> field by field; configuration stays the default.</summary>
public sealed class SettingsPrecedenceTests(OpenAiFactory factory) : IClassFixture<OpenAiFactory>
{
    [Fact]
    public async Task Configuration_is_the_default_and_another_saved_provider_does_not_inherit_its_key()
    {
        var api = factory.Api();
        var start = await (await api.Get("/api/settings")).ShouldSucceed();
        Assert.Equal("openai", start["llm"]!["provider"]!.GetValue<string>());
        Assert.True(start["llm"]!["apiKeySet"]!.GetValue<bool>());
        Assert.Equal("sk-t****6789", start["llm"]!["apiKeyMasked"]!.GetValue<string>());

        // Same provider, new model: the configured key still applies.
        await (await api.Put("/api/settings", new { llm = new { model = "gpt-4o" } })).ShouldSucceed();
        var sameProvider = await (await api.Get("/api/settings")).ShouldSucceed();
        Assert.Equal("gpt-4o", sameProvider["llm"]!["model"]!.GetValue<string>());
        Assert.True(sameProvider["llm"]!["apiKeySet"]!.GetValue<bool>());

        // Another provider: the OpenAI key is not sent to Anthropic.
        await (await api.Put("/api/settings", new { llm = new { provider = "anthropic" } })).ShouldSucceed();
        var other = await (await api.Get("/api/settings")).ShouldSucceed();
        Assert.Equal("anthropic", other["llm"]!["provider"]!.GetValue<string>());
        Assert.Equal("claude-sonnet-4-5-20250929", other["llm"]!["model"]!.GetValue<string>());
        Assert.False(other["llm"]!["apiKeySet"]!.GetValue<bool>());
    }
}
