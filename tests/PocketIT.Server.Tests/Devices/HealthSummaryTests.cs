using PocketIT.Server.Tests.Infrastructure;

namespace PocketIT.Server.Tests.Devices;

public sealed class HealthSummaryTests(PocketItFactory factory) : IClassFixture<PocketItFactory>
{
    /// <summary>A fresh client with devices scored as given, and a technician who sees only it.</summary>
    private async Task<(TestApi Tech, List<string> DeviceIds)> FleetAsync(params int?[] scores)
    {
        var api = factory.Api();
        var clientId = await api.CreateClientAsync();
        var ids = new List<string>();
        foreach (var score in scores)
        {
            var (id, _) = await api.EnrollDeviceAsync(clientId);
            await factory.SetHealthAsync(id, score);
            ids.Add(id);
        }
        var (_, _, tech) = await factory.StaffAsync("technician", clientId);
        return (tech, ids);
    }

    [Fact]
    public async Task Summary_counts_bands_at_their_documented_edges_and_averages_scanned_devices()
    {
        var (tech, _) = await FleetAsync(100, 70, 69, 40, 39, 0, null);

        var body = await (await tech.Get("/api/devices/health/summary")).ShouldSucceed();

        Assert.Equal(new HashSet<string> { "avgScore", "breakdown", "devices" }, body.Keys());
        var breakdown = body["breakdown"]!;
        Assert.Equal(2, breakdown["healthy"]!.GetValue<int>());
        Assert.Equal(2, breakdown["warning"]!.GetValue<int>());
        Assert.Equal(2, breakdown["critical"]!.GetValue<int>());
        Assert.Equal(1, breakdown["unscanned"]!.GetValue<int>());
        Assert.Equal((100 + 70 + 69 + 40 + 39 + 0) / 6.0, body["avgScore"]!.GetValue<double>(), 6);
        Assert.Equal(7, body["devices"]!.AsArray().Count);
    }

    [Fact]
    public async Task Average_may_be_fractional()
    {
        var (tech, _) = await FleetAsync(85, 72);
        var body = await (await tech.Get("/api/devices/health/summary")).ShouldSucceed();
        Assert.Equal(78.5, body["avgScore"]!.GetValue<double>());
    }

    [Fact]
    public async Task Average_is_null_when_no_device_was_scanned()
    {
        var (tech, _) = await FleetAsync(null, null);
        var body = await (await tech.Get("/api/devices/health/summary")).ShouldSucceed();
        Assert.Null(body["avgScore"]);
        Assert.True(body.AsObject().ContainsKey("avgScore"));
        Assert.Equal(2, body["breakdown"]!["unscanned"]!.GetValue<int>());
    }

    [Fact]
    public async Task Device_rows_have_the_documented_fields()
    {
        var (tech, ids) = await FleetAsync(85);
        await factory.UpdateDeviceAsync(ids[0], d => { d.CpuModel = "CPU X"; d.TotalRamGb = 16; d.TotalDiskGb = 512; d.ProcessorCount = 8; });

        var row = (await (await tech.Get("/api/devices/health/summary")).ShouldSucceed())["devices"]!.AsArray().Single()!;

        Assert.Equal(new HashSet<string>
        {
            "device_id", "hostname", "health_score", "cpu_model", "total_ram_gb", "total_disk_gb", "processor_count", "last_seen",
        }, row.Keys());
        Assert.Equal(ids[0], row["device_id"]!.GetValue<string>());
        Assert.Equal(85, row["health_score"]!.GetValue<int>());
        Assert.Equal("CPU X", row["cpu_model"]!.GetValue<string>());
        Assert.Equal(8, row["processor_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Technician_without_clients_gets_an_empty_summary()
    {
        await FleetAsync(90, 10);
        var (_, _, tech) = await factory.StaffAsync("technician");

        var body = await (await tech.Get("/api/devices/health/summary")).ShouldSucceed();

        Assert.Null(body["avgScore"]);
        Assert.Empty(body["devices"]!.AsArray());
        Assert.Equal(0, body["breakdown"]!["healthy"]!.GetValue<int>());
        Assert.Equal(0, body["breakdown"]!["critical"]!.GetValue<int>());
    }

    [Fact]
    public async Task Summary_route_is_not_taken_for_a_device_called_health()
    {
        var body = await (await factory.Api().Get("/api/devices/health/summary")).ShouldSucceed();
        Assert.NotNull(body["breakdown"]);
    }
}
