using PocketIT.Server.Assistant;
using PocketIT.Server.Tests.Infrastructure;

namespace PocketIT.Server.Tests.Realtime;

/// <summary>An Ollama that is not there: connection refused on a port nothing listens on.</summary>
public sealed class UnreachableOllamaFactory : LiveServerFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
    [
        new("PocketIT:Ai:Provider", "ollama"),
        new("PocketIT:Ai:Url", "http://127.0.0.1:1"),
    ];
}

public sealed class ProviderFailureTests(UnreachableOllamaFactory factory) : IClassFixture<UnreachableOllamaFactory>
{
    [Fact]
    public async Task Provider_failure_answers_with_the_fallback_and_keeps_the_users_message()
    {
        var api = factory.Started().Api();
        var config = await (await api.Get("/api/llm/config")).ShouldSucceed();
        Assert.Equal("ollama", config["provider"]!.GetValue<string>());
        Assert.Equal("http://127.0.0.1:1", config["url"]!.GetValue<string>());

        var (deviceId, secret) = await api.EnrollDeviceAsync(await api.CreateClientAsync());
        using var it = new LiveEvents(factory.BaseUri, "/it", new { });
        await it.Client.ConnectAsync();
        using var agent = new LiveEvents(factory.BaseUri, "/agent", new { deviceSecret = secret }, [new("deviceId", deviceId)]);
        await agent.Client.ConnectAsync();
        await agent.WaitFor("agent_info");

        await agent.Client.EmitAsync("chat_message", new { content = "my internet is slow" });
        var reply = await agent.WaitFor("chat_response");
        Assert.Equal("ai", reply.GetProperty("sender").GetString());
        Assert.Equal(AssistantReply.FailureText, reply.GetProperty("text").GetString());
        var update = await it.WaitFor("device_chat_update", d => d.GetProperty("deviceId").GetString() == deviceId);
        Assert.Equal("my internet is slow", update.GetProperty("message").GetProperty("content").GetString());

        var history = await (await api.Get($"/api/chat/{deviceId}/history")).ShouldSucceed();
        var rows = history.AsArray();
        Assert.Single(rows);
        Assert.Equal("user", rows[0]!["sender"]!.GetValue<string>());
        Assert.Equal("my internet is slow", rows[0]!["content"]!.GetValue<string>());
    }
}
