using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Core.Data;
using PocketIT.Server.Core.Identity;

namespace PocketIT.Server.PocketIt.Admin;

public sealed record FleetStats(
    [property: JsonPropertyName("totalDevices")] int TotalDevices,
    [property: JsonPropertyName("onlineDevices")] int OnlineDevices,
    [property: JsonPropertyName("openTickets")] int OpenTickets,
    [property: JsonPropertyName("totalTickets")] int TotalTickets,
    [property: JsonPropertyName("averageHealth")] double? AverageHealth,
    [property: JsonPropertyName("criticalDevices")] int CriticalDevices);

/// <summary>Fleet and ticket counts over the caller's client scope.</summary>
public static class StatsEndpoints
{
    /// <summary>Health scores below this are critical (healthy &gt;= 70, warning 40–69).</summary>
    public const int CriticalBelow = 40;

    public static void MapStats(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/admin/stats", Get).WithTags("Stats").RequireAuthorization(Policies.Staff);
    }

    private static async Task<IResult> Get(ClaimsPrincipal principal, AppDbContext db, ScopeService scopes)
    {
        var scope = await scopes.ForAsync(principal.Staff()!);
        var devices = db.Devices.AsNoTracking().InScope(scope);
        var tickets = db.Tickets.AsNoTracking().InScope(scope);
        return Results.Ok(new FleetStats(
            await devices.CountAsync(),
            await devices.CountAsync(d => d.Status == "online"),
            await tickets.CountAsync(t => t.Status == "open" || t.Status == "in_progress"),
            await tickets.CountAsync(),
            // AverageAsync over a nullable projection yields null when no device has a score yet
            await devices.Where(d => d.HealthScore != null).AverageAsync(d => (double?)d.HealthScore),
            await devices.CountAsync(d => d.HealthScore < CriticalBelow)));
    }
}
