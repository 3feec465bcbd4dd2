using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Core.Data;

namespace PocketIT.Server.PocketIt.Realtime;

/// <summary>
/// Every minute, marks offline the online devices that sent nothing for five minutes (notes §5) and tells the
/// staff in scope. Runs on the injected <see cref="TimeProvider"/>, so tests drive it with a fake clock.
/// </summary>
public sealed class StalenessSweep(IServiceScopeFactory scopes, RealtimeHub hub, TimeProvider time, ILogger<StalenessSweep> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try { await SweepAsync(stoppingToken); }
                catch (Exception ex) when (ex is not OperationCanceledException) { logger.LogError(ex, "Staleness sweep failed"); }
            }
        }
        catch (OperationCanceledException) { }
    }

    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cutoff = time.GetUtcNow().UtcDateTime - StaleAfter;
        var stale = await db.Devices.AsNoTracking()
            .Where(d => d.Status == "online" && (d.LastSeen == null || d.LastSeen < cutoff))
            .Select(d => new { d.DeviceId, d.ClientId, d.Hostname })
            .ToListAsync(cancellationToken);
        var marked = 0;
        foreach (var device in stale)
        {
            // Conditional, so a heartbeat that lands meanwhile wins.
            var changed = await db.Devices
                .Where(d => d.DeviceId == device.DeviceId && d.Status == "online" && (d.LastSeen == null || d.LastSeen < cutoff))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, "offline"), cancellationToken);
            if (changed != 1) continue;
            marked++;
            await hub.ToStaffAsync(device.ClientId, "device_status_changed", new { deviceId = device.DeviceId, status = "offline", hostname = device.Hostname });
        }
        return marked;
    }
}
