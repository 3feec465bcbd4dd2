using System.Net;
using System.Text.Json;
using PocketIT.Server.Assistant;
using PocketIT.Server.PocketIt.Chat;
using PocketIT.Server.PocketIt.Realtime;
using PocketIT.Server.Tests.Infrastructure;

namespace PocketIT.Server.Tests.Realtime;

/// <summary>A device agent over a real socket, played by SocketIOClient (NuGet), with a dashboard on /it beside it.</summary>
public sealed class AgentNamespaceTests(LiveServerFactory factory) : IClassFixture<LiveServerFactory>
{
    private async Task<(string DeviceId, string Secret, int ClientId)> EnrollAsync()
    {
        var api = factory.Started().Api();
        var clientId = await api.CreateClientAsync();
        var (deviceId, secret) = await api.EnrollDeviceAsync(clientId);
        return (deviceId, secret, clientId);
    }

    private LiveEvents Agent(string deviceId, string secret) =>
        new(factory.BaseUri, "/agent", new { deviceSecret = secret }, [new("deviceId", deviceId), new("hostname", "PC-" + deviceId[4..8])]);

    /// <summary>The dashboard over loopback, which the localhost bypass lets in as the bootstrap admin.</summary>
    private LiveEvents Dashboard() => new(factory.BaseUri, "/it", new { });

    [Fact]
    public async Task Enrolled_agent_gets_its_agent_name_and_a_network_diagnosis_for_slow_internet()
    {
        var (deviceId, secret, _) = await EnrollAsync();
        using var agent = Agent(deviceId, secret);
        await agent.Client.ConnectAsync();

        var info = await agent.WaitFor("agent_info");
        Assert.Equal(AgentNames.For(deviceId), info.GetProperty("agentName").GetString());

        await agent.Client.EmitAsync("chat_message", new { content = "my internet is slow" });
        var reply = await agent.WaitFor("chat_response");
        Assert.Equal("ai", reply.GetProperty("sender").GetString());
        Assert.Equal("diagnose", reply.GetProperty("action").GetProperty("type").GetString());
        Assert.Equal("network", reply.GetProperty("action").GetProperty("checkType").GetString());
        Assert.DoesNotContain("[ACTION", reply.GetProperty("text").GetString());
        var request = await agent.WaitFor("diagnostic_request");
        Assert.Equal("network", request.GetProperty("checkType").GetString());
    }

    [Fact]
    public async Task Only_the_diagnostic_the_user_approved_answers_the_assistant_not_a_silent_scheduled_one()
    {
        var (deviceId, secret, _) = await EnrollAsync();
        using var agent = Agent(deviceId, secret);
        await agent.Client.ConnectAsync();
        await agent.WaitFor("agent_info");
        await agent.Client.EmitAsync("chat_message", new { content = "my internet is slow" });
        await agent.WaitFor("diagnostic_request");

        // The agent's scheduled round reports an offline network first; the assistant must not act on it.
        await agent.Client.EmitAsync("diagnostic_result", new { checkType = "network", status = "error", results = new { internetReachable = false }, silent = true });
        await agent.Client.EmitAsync("diagnostic_result", new { checkType = "network", status = "warning", results = new { internetReachable = true, pingMs = 450 } });

        var followUp = await agent.WaitFor("chat_response", 2);
        Assert.Equal("flush_dns", followUp.GetProperty("action").GetProperty("actionId").GetString());
        var request = await agent.WaitFor("remediation_request");
        Assert.Equal("flush_dns", request.GetProperty("actionId").GetString());
    }

    [Fact]
    public async Task Diagnostic_result_sets_the_health_score_and_reaches_the_dashboard()
    {
        var (deviceId, secret, _) = await EnrollAsync();
        using var it = Dashboard();
        await it.Client.ConnectAsync();
        using var agent = Agent(deviceId, secret);
        await agent.Client.ConnectAsync();
        await agent.WaitFor("agent_info");

        await agent.Client.EmitAsync("diagnostic_result", new { checkType = "disk", status = "warning", results = new { drives = Array.Empty<object>() } });
        var update = await it.WaitFor("device_diagnostic_update", d => d.GetProperty("deviceId").GetString() == deviceId);
        Assert.Equal(50, update.GetProperty("healthScore").GetInt32());
        var detail = await (await factory.Api().Get($"/api/devices/{deviceId}")).ShouldSucceed();
        Assert.Equal(50, detail["health_score"]!.GetValue<int>());
    }

    [Fact]
    public async Task System_profile_fills_the_device_and_keeps_zero_values()
    {
        var (deviceId, secret, _) = await EnrollAsync();
        using var it = Dashboard();
        await it.Client.ConnectAsync();
        using var agent = Agent(deviceId, secret);
        await agent.Client.ConnectAsync();
        await agent.WaitFor("agent_info");

        await agent.Client.EmitAsync("system_profile", new { cpuModel = "Test CPU", totalRamGB = 16, totalDiskGB = 0, processorCount = 8, hostname = "IGNORED" });
        await it.WaitFor("device_status_changed", 2, d => d.GetProperty("deviceId").GetString() == deviceId);
        var detail = await (await factory.Api().Get($"/api/devices/{deviceId}")).ShouldSucceed();
        Assert.Equal("Test CPU", detail["cpu_model"]!.GetValue<string>());
        Assert.Equal(0, detail["total_disk_gb"]!.GetValue<double>());
        Assert.Equal(8, detail["processor_count"]!.GetValue<int>());
        Assert.NotEqual("IGNORED", detail["hostname"]!.GetValue<string>());
    }

    [Fact]
    public async Task Device_that_stops_sending_heartbeats_is_swept_offline()
    {
        var (deviceId, secret, _) = await EnrollAsync();
        using var it = Dashboard();
        await it.Client.ConnectAsync();
        using var agent = Agent(deviceId, secret);
        await agent.Client.ConnectAsync();
        await agent.WaitFor("agent_info");

        factory.Clock.Advance(StalenessSweep.StaleAfter + StalenessSweep.Interval);
        var change = await it.WaitFor("device_status_changed", d => d.GetProperty("deviceId").GetString() == deviceId && d.GetProperty("status").GetString() == "offline");
        Assert.Equal("offline", change.GetProperty("status").GetString());
        var detail = await (await factory.Api().Get($"/api/devices/{deviceId}")).ShouldSucceed();
        Assert.Equal("offline", detail["status"]!.GetValue<string>());

        await agent.Client.EmitAsync("heartbeat", new { deviceId });
        // The first "online" came with the connect; the second is the heartbeat reviving the device.
        await it.WaitFor("device_status_changed", 2, d => d.GetProperty("deviceId").GetString() == deviceId && d.GetProperty("status").GetString() == "online");
    }

    [Fact]
    public async Task Chat_context_is_rebuilt_from_storage_after_a_reconnect()
    {
        var (deviceId, secret, _) = await EnrollAsync();
        using (var first = Agent(deviceId, secret))
        {
            await first.Client.ConnectAsync();
            await first.WaitFor("agent_info");
            await first.Client.EmitAsync("chat_message", new { content = "hello" });
            var greeting = await first.WaitFor("chat_response");
            Assert.Contains(AgentNames.For(deviceId), greeting.GetProperty("text").GetString());
            await first.Client.DisconnectAsync();
        }
        using var second = Agent(deviceId, secret);
        await second.Client.ConnectAsync();
        var history = await second.WaitFor("chat_history");
        Assert.Equal(2, history.GetProperty("messages").GetArrayLength());
        await second.Client.EmitAsync("chat_message", new { content = "my printer is jammed" });
        var reply = await second.WaitFor("chat_response");
        // The assistant introduced itself before the reconnect; the stored context says so, so it does not again.
        Assert.DoesNotContain("Hi, I'm", reply.GetProperty("text").GetString());
        Assert.Equal("services", reply.GetProperty("action").GetProperty("checkType").GetString());
    }

    [Fact]
    public async Task Technician_chat_pauses_the_assistant_until_the_pause_expires()
    {
        var (deviceId, secret, _) = await EnrollAsync();
        using var it = Dashboard();
        await it.Client.ConnectAsync();
        using var agent = Agent(deviceId, secret);
        await agent.Client.ConnectAsync();
        await agent.WaitFor("agent_info");

        await it.Client.EmitAsync("chat_to_device", new { deviceId, content = "IT here" });
        await agent.WaitFor("ai_status", d => !d.GetProperty("enabled").GetBoolean());
        await agent.Client.EmitAsync("chat_message", new { content = "my internet is slow" });
        var paused = await agent.WaitFor("chat_response", d => d.GetProperty("sender").GetString() == "system");
        Assert.True(paused.GetProperty("ai_disabled").GetBoolean());

        factory.Clock.Advance(ChatLimits.ItPause);
        // The first "enabled" came with the connect; the second ends the pause.
        await agent.WaitFor("ai_status", 2, d => d.GetProperty("enabled").GetBoolean());
        await it.WaitFor("device_ai_reenabled", d => d.GetProperty("deviceId").GetString() == deviceId);
        await agent.Client.EmitAsync("chat_message", new { content = "my internet is slow" });
        var answered = await agent.WaitFor("chat_response", d => d.GetProperty("sender").GetString() == "ai");
        Assert.Equal("network", answered.GetProperty("action").GetProperty("checkType").GetString());
    }
}
