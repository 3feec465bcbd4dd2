using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Core.Audit;
using PocketIT.Server.Core.Data;
using PocketIT.Server.Core.Devices;
using PocketIT.Server.PocketIt.Chat;
using PocketIT.Server.PocketIt.Devices;
using PocketIT.SocketIO;

namespace PocketIT.Server.PocketIt.Realtime;

/// <summary>
/// <c>diagnostic_result</c> (notes §5): stores the result, recomputes the health score from the latest result
/// of each scored check (keeping a snapshot for the history), tells the staff in scope, and feeds the result to the assistant if it asked for it.
/// </summary>
public sealed partial class DiagnosticIntake(AppDbContext db, AuditLog audit, RealtimeHub hub, AwaitingDiagnostics awaiting,
    DeviceChatService chat, HealthHistory history, TimeProvider time)
{
    private const int MaxResultsJson = 512 * 1024;

    [GeneratedRegex("^[a-z0-9_]{1,64}$")] private static partial Regex CheckTypeShape();

    public async Task AcceptAsync(SocketIOSocket socket, Payload payload)
    {
        var checkType = payload.String("checkType", 64)?.ToLowerInvariant();
        var status = payload.String("status", 32) ?? "completed";
        var results = payload.Get("results");
        var json = results.ValueKind == JsonValueKind.Undefined ? "null" : results.GetRawText();
        if (checkType is null || !CheckTypeShape().IsMatch(checkType) || json.Length > MaxResultsJson)
        {
            await socket.ErrorAsync("diagnostic_result needs a checkType and results under 512 KB");
            return;
        }
        var deviceId = socket.DeviceId();
        var device = await db.Devices.FirstOrDefaultAsync(d => d.DeviceId == deviceId);
        if (device is null) return;

        db.DiagnosticResults.Add(new DiagnosticResult
        {
            DeviceId = deviceId,
            CheckType = checkType,
            Status = status,
            Data = json,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        });
        audit.Record(deviceId, "diagnostic_completed", deviceId, new { checkType, status });
        await db.SaveChangesAsync();
        device.HealthScore = HealthScore.Compute(await LatestStatusesAsync(deviceId));
        await history.RecordAsync(deviceId, device.HealthScore);
        await db.SaveChangesAsync();

        await hub.ToStaffAsync(device.ClientId, "device_diagnostic_update",
            new { deviceId, checkType, status, results, healthScore = device.HealthScore });
        // A silent result is a scheduled or IT-run check; only the one the user approved answers the assistant.
        if (payload.Bool("silent") != true && awaiting.TryTake(deviceId, checkType))
            await chat.FeedDiagnosticAsync(device, checkType, status, results);
    }

    private async Task<List<string>> LatestStatusesAsync(string deviceId)
    {
        var statuses = new List<string>();
        foreach (var check in HealthScore.ScoredChecks)
        {
            var latest = await db.DiagnosticResults.AsNoTracking()
                .Where(d => d.DeviceId == deviceId && d.CheckType == check)
                .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
                .Select(d => d.Status).FirstOrDefaultAsync();
            if (latest is not null) statuses.Add(latest);
        }
        return statuses;
    }
}
