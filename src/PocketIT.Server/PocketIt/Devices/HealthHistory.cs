using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Core.Data;
using PocketIT.Server.Core.Devices;

namespace PocketIT.Server.PocketIt.Devices;

/// <summary>
/// The device page's health history. A snapshot is written when the score changes, or at most hourly while it
/// holds, so a device that reports often does not write a row per result; rows older than <see cref="KeepDays"/> go.
/// </summary>
public sealed class HealthHistory(AppDbContext db, TimeProvider time)
{
    public const int KeepDays = 30;
    public const int DefaultDays = 7;
    /// <summary>More points than a chart on a page can show apart.</summary>
    public const int MaxPoints = 1000;
    public static readonly TimeSpan SteadyInterval = TimeSpan.FromHours(1);

    /// <summary>Adds the snapshot to the unit of work (the caller saves) and drops expired ones.</summary>
    public async Task RecordAsync(string deviceId, int? score)
    {
        if (score is not int value) return;
        var now = time.GetUtcNow().UtcDateTime;
        var last = await db.HealthSnapshots.AsNoTracking()
            .Where(h => h.DeviceId == deviceId)
            .OrderByDescending(h => h.CreatedAt).ThenByDescending(h => h.Id)
            .FirstOrDefaultAsync();
        if (last is not null && last.Score == value && now - last.CreatedAt < SteadyInterval) return;
        db.HealthSnapshots.Add(new HealthSnapshot { DeviceId = deviceId, Score = value, CreatedAt = now });
        var expired = now.AddDays(-KeepDays);
        await db.HealthSnapshots.Where(h => h.DeviceId == deviceId && h.CreatedAt < expired).ExecuteDeleteAsync();
    }

    /// <summary>The last <paramref name="days"/> days, oldest first; past <see cref="MaxPoints"/> the newest are kept.</summary>
    public async Task<List<HealthPoint>> ReadAsync(string deviceId, int days)
    {
        var since = time.GetUtcNow().UtcDateTime.AddDays(-days);
        var newest = await db.HealthSnapshots.AsNoTracking()
            .Where(h => h.DeviceId == deviceId && h.CreatedAt >= since)
            .OrderByDescending(h => h.CreatedAt).ThenByDescending(h => h.Id)
            .Take(MaxPoints)
            .Select(h => new HealthPoint(h.Score, h.CreatedAt))
            .ToListAsync();
        newest.Reverse();
        return newest;
    }
}

/// <summary>One point of <c>GET /api/devices/:id/health-history</c>.</summary>
public sealed record HealthPoint(int Score, DateTime CreatedAt);
