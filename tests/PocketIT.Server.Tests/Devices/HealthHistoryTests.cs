using System.Net;
using PocketIT.Server.PocketIt.Devices;
using PocketIT.Server.Tests.Infrastructure;
using PocketIT.Server.Tests.Realtime;

namespace PocketIT.Server.Tests.Devices;

/// <summary>Each recomputed score becomes a point of the device's history; reads are scoped like the device itself.</summary>
public sealed class HealthHistoryTests(LiveServerFactory factory) : IClassFixture<LiveServerFactory>
{
    private async Task<(string DeviceId, LiveEvents Agent, LiveEvents It, int ClientId)> ConnectedDeviceAsync()
    {
        var api = factory.Started().Api();
        var clientId = await api.CreateClientAsync();
        var (deviceId, secret) = await api.EnrollDeviceAsync(clientId);
        var it = new LiveEvents(factory.BaseUri, "/it", new { });
        await it.Client.ConnectAsync();
        var agent = new LiveEvents(factory.BaseUri, "/agent", new { deviceSecret = secret }, [new("deviceId", deviceId)]);
        await agent.Client.ConnectAsync();
        await agent.WaitFor("agent_info");
        return (deviceId, agent, it, clientId);
    }

    private static async Task ReportAsync(LiveEvents agent, LiveEvents it, string deviceId, string check, string status, int nth)
    {
        await agent.Client.EmitAsync("diagnostic_result", new { checkType = check, status, results = new { } });
        await it.WaitFor("device_diagnostic_update", nth, d => d.GetProperty("deviceId").GetString() == deviceId);
    }

    [Fact]
    public async Task Each_changed_score_is_a_point_oldest_first_and_a_steady_score_is_not_repeated()
    {
        var (deviceId, agent, it, _) = await ConnectedDeviceAsync();
        using var _a = agent;
        using var _i = it;
        var api = factory.Api();
        Assert.Empty((await (await api.Get($"/api/devices/{deviceId}/health-history")).ShouldSucceed()).AsArray());

        await ReportAsync(agent, it, deviceId, "cpu", "ok", 1);        // 100
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await ReportAsync(agent, it, deviceId, "disk", "error", 2);    // 50
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await ReportAsync(agent, it, deviceId, "disk", "error", 3);    // 50 again: no new point
        factory.Clock.Advance(HealthHistory.SteadyInterval);
        await ReportAsync(agent, it, deviceId, "disk", "error", 4);    // 50 an hour later: a point, so the line reaches "now"

        var points = (await (await api.Get($"/api/devices/{deviceId}/health-history?days=7")).ShouldSucceed()).AsArray();
        Assert.Equal(new[] { 100, 50, 50 }, points.Select(p => p!["score"]!.GetValue<int>()));
        var times = points.Select(p => DateTime.Parse(p!["created_at"]!.GetValue<string>())).ToList();
        Assert.Equal(times.OrderBy(t => t), times);
        Assert.Equal(new HashSet<string> { "score", "created_at" }, points[0]!.Keys());
    }

    [Fact]
    public async Task Points_older_than_the_window_are_left_out_and_expired_ones_go()
    {
        var (deviceId, agent, it, _) = await ConnectedDeviceAsync();
        using var _a = agent;
        using var _i = it;
        // Seeded rather than reached by advancing the clock weeks (which would run the staleness sweep thousands of times).
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        await factory.WithDbAsync(db =>
        {
            db.HealthSnapshots.Add(new Core.Devices.HealthSnapshot { DeviceId = deviceId, Score = 10, CreatedAt = now.AddDays(-HealthHistory.KeepDays - 1) });
            db.HealthSnapshots.Add(new Core.Devices.HealthSnapshot { DeviceId = deviceId, Score = 75, CreatedAt = now.AddDays(-3) });
            return Task.CompletedTask;
        });
        await ReportAsync(agent, it, deviceId, "cpu", "warning", 1);

        var lastDay = (await (await factory.Api().Get($"/api/devices/{deviceId}/health-history?days=1")).ShouldSucceed()).AsArray();
        Assert.Equal(new[] { 50 }, lastDay.Select(p => p!["score"]!.GetValue<int>()));
        var week = (await (await factory.Api().Get($"/api/devices/{deviceId}/health-history")).ShouldSucceed()).AsArray();
        Assert.Equal(new[] { 75, 50 }, week.Select(p => p!["score"]!.GetValue<int>()));
        var kept = await factory.QueryDbAsync(db => Task.FromResult(db.HealthSnapshots.Count(h => h.DeviceId == deviceId)));
        Assert.Equal(2, kept);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("31")]
    [InlineData("-1")]
    [InlineData("abc")]
    public async Task Days_outside_1_to_30_is_a_400(string days)
    {
        var api = factory.Started().Api();
        var (deviceId, _) = await api.EnrollDeviceAsync(await api.CreateClientAsync());
        await (await api.Get($"/api/devices/{deviceId}/health-history?days={days}")).ShouldFail(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Technicians_see_only_their_clients_devices()
    {
        var api = factory.Started().Api();
        var mine = await api.CreateClientAsync();
        var (myDevice, _) = await api.EnrollDeviceAsync(mine);
        var (otherDevice, _) = await api.EnrollDeviceAsync(await api.CreateClientAsync());
        var (_, _, tech) = await factory.StaffAsync("technician", mine);

        await (await tech.Get($"/api/devices/{myDevice}/health-history")).ShouldSucceed();
        Assert.Equal("Not in scope", await (await tech.Get($"/api/devices/{otherDevice}/health-history")).ShouldFail(HttpStatusCode.Forbidden));
        Assert.Equal("Not in scope", await (await tech.Get("/api/devices/no-such-device/health-history")).ShouldFail(HttpStatusCode.Forbidden));
        await (await api.Get("/api/devices/no-such-device/health-history")).ShouldFail(HttpStatusCode.NotFound);
    }
}
