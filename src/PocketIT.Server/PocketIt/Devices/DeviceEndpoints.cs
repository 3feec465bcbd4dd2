using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Core.Data;
using PocketIT.Server.Core.Http;
using PocketIT.Server.Core.Identity;

namespace PocketIT.Server.PocketIt.Devices;

/// <summary>The fleet as staff see it: lists filtered to the caller's clients, single devices 403 outside them.</summary>
public static class DeviceEndpoints
{
    public const int DiagnosticsPageSize = 50;

    public static void MapDevices(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/devices").WithTags("Devices");
        group.MapGet("", List).RequireAuthorization(Policies.Staff);
        // A literal segment outranks {id}, so this is never read as a device called "health".
        group.MapGet("/health/summary", HealthSummary).RequireAuthorization(Policies.Staff);
        group.MapGet("/{id}", Get).RequireAuthorization(Policies.Staff);
        group.MapGet("/{id}/diagnostics", Diagnostics).RequireAuthorization(Policies.Staff);
        group.MapGet("/{id}/health-history", HealthHistoryOf).RequireAuthorization(Policies.Staff);
    }

    private static async Task<IResult> List(ClaimsPrincipal user, AppDbContext db, ScopeService scopes)
    {
        var scope = await scopes.ForAsync(user.Staff()!);
        var rows = await db.Devices.AsNoTracking().InScope(scope)
            .OrderBy(d => d.Hostname).ThenBy(d => d.DeviceId)
            .Select(d => new DeviceRow(d.DeviceId, d.Hostname, d.OsVersion, d.Status, d.CertificateFingerprint, d.EnrolledAt, d.LastSeen, d.ClientId))
            .ToListAsync();
        return Results.Ok(rows);
    }

    private static async Task<IResult> Get(string id, ClaimsPrincipal user, DeviceAccess access)
    {
        var (device, error) = await access.FindAsync(user.Staff()!, id);
        return error ?? Results.Ok(DeviceDetail.From(device!));
    }

    private static async Task<IResult> Diagnostics(string id, ClaimsPrincipal user, DeviceAccess access, AppDbContext db)
    {
        var (_, error) = await access.FindAsync(user.Staff()!, id);
        if (error is not null) return error;
        var rows = await db.DiagnosticResults.AsNoTracking()
            .Where(r => r.DeviceId == id)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Take(DiagnosticsPageSize)
            .Select(r => new DiagnosticRow(r.Id, r.DeviceId, r.CheckType, r.Status, r.Data, r.CreatedAt))
            .ToListAsync();
        return Results.Ok(rows);
    }

    private static async Task<IResult> HealthHistoryOf(string id, int? days, ClaimsPrincipal user, DeviceAccess access, HealthHistory history)
    {
        var (_, error) = await access.FindAsync(user.Staff()!, id);
        if (error is not null) return error;
        var span = days ?? HealthHistory.DefaultDays;
        if (span is < 1 or > HealthHistory.KeepDays) return ApiErrors.BadRequest($"'days' must be a whole number from 1 to {HealthHistory.KeepDays}");
        return Results.Ok(await history.ReadAsync(id, span));
    }

    private static async Task<IResult> HealthSummary(ClaimsPrincipal user, AppDbContext db, ScopeService scopes)
    {
        var scope = await scopes.ForAsync(user.Staff()!);
        var devices = await db.Devices.AsNoTracking().InScope(scope)
            .Select(d => new HealthDeviceRow(d.DeviceId, d.Hostname, d.HealthScore, d.CpuModel,
                d.TotalRamGb, d.TotalDiskGb, d.ProcessorCount, d.LastSeen))
            .ToListAsync();
        return Results.Ok(DeviceHealth.Summarize(devices));
    }
}
