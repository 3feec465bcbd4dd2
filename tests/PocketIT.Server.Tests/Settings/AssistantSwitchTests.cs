using PocketIT.Server.PocketIt.Chat;
using PocketIT.Server.Tests.Assistant;
using PocketIT.Server.Tests.Infrastructure;
using PocketIT.Server.Tests.Realtime;

namespace PocketIT.Server.Tests.Settings;

/// <summary>Saved settings change the live chat without a restart: <c>ai.enabled=false</c> (notes §5 step 5, <c>global</c>) and a new provider.</summary>
public sealed class AssistantSwitchTests(LiveServerFactory factory) : IClassFixture<LiveServerFactory>
{
    [Fact]
    public async Task Switched_off_server_wide_the_chat_gets_the_ai_disabled_reply_then_the_new_provider_answers()
    {
        var api = factory.Started().Api();
        var (deviceId, secret) = await api.EnrollDeviceAsync(await api.CreateClientAsync());
        await (await api.Put("/api/settings", new { ai = new { enabled = false } })).ShouldSucceed();

        using var it = new LiveEvents(factory.BaseUri, "/it", new { });
        await it.Client.ConnectAsync();
        using var agent = new LiveEvents(factory.BaseUri, "/agent", new { deviceSecret = secret }, [new("deviceId", deviceId)]);
        await agent.Client.ConnectAsync();
        var status = await agent.WaitFor("ai_status");
        Assert.False(status.GetProperty("enabled").GetBoolean());
        Assert.Equal("global", status.GetProperty("reason").GetString());

        await agent.Client.EmitAsync("chat_message", new { content = "is anyone there?" });
        var reply = await agent.WaitFor("chat_response");
        Assert.Equal("system", reply.GetProperty("sender").GetString());
        Assert.True(reply.GetProperty("ai_disabled").GetBoolean());
        Assert.Equal(ChatLimits.AssistantOffEverywhere, reply.GetProperty("text").GetString());
        var update = await it.WaitFor("device_chat_update", d => d.GetProperty("deviceId").GetString() == deviceId);
        Assert.Equal("is anyone there?", update.GetProperty("message").GetProperty("content").GetString());
        var history = await (await api.Get($"/api/chat/{deviceId}/history")).ShouldSucceed();
        Assert.Single(history.AsArray()); // the user's message is kept; no assistant reply

        // Back on, with a provider saved a moment ago: the next message goes to it, and the device is told at once.
        await using var stub = await StubProvider.StartAsync("/api/chat", """{"message":{"role":"assistant","content":"Stub here, how can I help?"}}""");
        await (await api.Put("/api/settings", new { llm = new { provider = "ollama", url = stub.BaseUri.ToString() }, ai = new { enabled = true } })).ShouldSucceed();
        var back = await agent.WaitFor("ai_status", 2);
        Assert.True(back.GetProperty("enabled").GetBoolean());

        await agent.Client.EmitAsync("chat_message", new { content = "hello again" });
        await (await api.Put("/api/settings", new { server = new { publicUrl = "https://it.example.com" } })).ShouldSucceed();
        var moved = await agent.WaitFor("server_url_changed");
        Assert.Equal("https://it.example.com", moved.GetProperty("url").GetString());
        var answer = await agent.WaitFor("chat_response", 2);
        Assert.Equal("ai", answer.GetProperty("sender").GetString());
        Assert.Equal("Stub here, how can I help?", answer.GetProperty("text").GetString());
    }
}
