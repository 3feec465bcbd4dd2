using System.Net;
using PocketIT.Server.Core.Devices;
using PocketIT.Server.Core.Identity;
using PocketIT.Server.Tests.Infrastructure;

namespace PocketIT.Server.Tests.Admin;

/// <summary>Seeds devices and tickets straight into the database: health scores come from diagnostics, which these tests do not drive.</summary>
internal static class FleetSeed
{
    public static async Task DevicesAsync(PocketItFactory factory, int clientId, params (string Status, int? Score)[] devices)
    {
        await factory.WithDbAsync(async db =>
        {
            foreach (var (status, score) in devices)
                db.Devices.Add(new Device
                {
                    DeviceId = "seed-" + Guid.NewGuid().ToString("N")[..12], SecretHash = "unused", ClientId = clientId,
                    Status = status, HealthScore = score, EnrolledAt = DateTime.UtcNow,
                });
            await db.SaveChangesAsync();
        });
    }

    public static async Task TicketsAsync(PocketItFactory factory, int clientId, params string[] statuses)
    {
        await factory.WithDbAsync(async db =>
        {
            foreach (var status in statuses)
                db.Tickets.Add(new Ticket { DeviceId = "seed-device", ClientId = clientId, Title = "Printer", Status = status, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
    }
}

/// <summary>Admins count the whole fleet. One test per class fixture, so the totals are exact.</summary>
public sealed class AdminStatsTests(PocketItFactory factory) : IClassFixture<PocketItFactory>
{
    [Fact]
    public async Task Admin_stats_count_every_client_and_average_only_scored_devices()
    {
        var empty = await (await factory.Api().Get("/api/admin/stats")).ShouldSucceed();
        Assert.Equal(0, empty["totalDevices"]!.GetValue<int>());
        Assert.Null(empty["averageHealth"]);

        var a = await factory.Api().CreateClientAsync();
        var b = await factory.Api().CreateClientAsync();
        await FleetSeed.DevicesAsync(factory, a, ("online", 100), ("offline", 35), ("online", null));
        await FleetSeed.DevicesAsync(factory, b, ("online", 50));
        await FleetSeed.TicketsAsync(factory, a, "open", "in_progress", "resolved");
        await FleetSeed.TicketsAsync(factory, b, "open", "closed");

        var stats = await (await factory.Api().Get("/api/admin/stats")).ShouldSucceed();

        Assert.Equal(4, stats["totalDevices"]!.GetValue<int>());
        Assert.Equal(3, stats["onlineDevices"]!.GetValue<int>());
        Assert.Equal(3, stats["openTickets"]!.GetValue<int>());
        Assert.Equal(5, stats["totalTickets"]!.GetValue<int>());
        Assert.Equal(185.0 / 3, stats["averageHealth"]!.GetValue<double>(), 6);
        Assert.Equal(1, stats["criticalDevices"]!.GetValue<int>());
    }
}

public sealed class ScopedStatsTests(PocketItFactory factory) : IClassFixture<PocketItFactory>
{
    [Fact]
    public async Task Technician_stats_cover_only_assigned_clients()
    {
        var mine = await factory.Api().CreateClientAsync();
        var other = await factory.Api().CreateClientAsync();
        await FleetSeed.DevicesAsync(factory, mine, ("online", 80), ("offline", 75));
        await FleetSeed.DevicesAsync(factory, other, ("online", 10), ("online", 20));
        await FleetSeed.TicketsAsync(factory, mine, "open", "closed");
        await FleetSeed.TicketsAsync(factory, other, "open", "open", "in_progress");
        var (_, tech) = await factory.SignedInAsync(Roles.Technician, mine);

        var stats = await (await tech.Get("/api/admin/stats")).ShouldSucceed();

        Assert.Equal(2, stats["totalDevices"]!.GetValue<int>());
        Assert.Equal(1, stats["onlineDevices"]!.GetValue<int>());
        Assert.Equal(1, stats["openTickets"]!.GetValue<int>());
        Assert.Equal(2, stats["totalTickets"]!.GetValue<int>());
        Assert.Equal(77.5, stats["averageHealth"]!.GetValue<double>(), 6);
        Assert.Equal(0, stats["criticalDevices"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_viewer_with_no_clients_sees_zeros_and_no_average()
    {
        var client = await factory.Api().CreateClientAsync();
        await FleetSeed.DevicesAsync(factory, client, ("online", 90));
        var (_, viewer) = await factory.SignedInAsync(Roles.Viewer);

        var stats = await (await viewer.Get("/api/admin/stats")).ShouldSucceed();

        Assert.Equal(0, stats["totalDevices"]!.GetValue<int>());
        Assert.Equal(0, stats["totalTickets"]!.GetValue<int>());
        Assert.Null(stats["averageHealth"]);
        Assert.Equal(0, stats["criticalDevices"]!.GetValue<int>());
    }

    [Fact]
    public async Task Stats_need_a_signed_in_user()
    {
        await (await factory.Remote().Get("/api/admin/stats")).ShouldFail(HttpStatusCode.Unauthorized);
    }
}
