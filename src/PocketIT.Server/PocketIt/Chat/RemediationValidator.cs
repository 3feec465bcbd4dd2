using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Assistant;
using PocketIT.Server.Core.Data;

namespace PocketIT.Server.PocketIt.Chat;

/// <summary>
/// Notes §8.4: a remediation is sent only for a whitelisted action with a valid parameter. <c>kill_process</c>
/// needs a PID the device itself reported in <c>top_processes</c> within ten minutes, never one from chat text.
/// </summary>
public sealed class RemediationValidator(AppDbContext db, TimeProvider time)
{
    /// <summary>The normalised parameter, or an error saying why the action is refused.</summary>
    public async Task<(string? Parameter, string? Error)> ValidateAsync(string deviceId, string? actionId, string? parameter)
    {
        if (actionId is null || !AssistantRules.RemediationActions.Contains(actionId)) return (null, "unknown remediation action");
        switch (actionId)
        {
            case "kill_process":
                if (!int.TryParse(parameter, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid is < 1 or > 65535)
                    return (null, "kill_process needs a PID between 1 and 65535");
                return await RecentlySeenAsync(deviceId, pid)
                    ? (pid.ToString(CultureInfo.InvariantCulture), null)
                    : (null, "that PID was not reported by this device's recent diagnostics");
            case "restart_service":
                var service = parameter?.Trim().ToLowerInvariant();
                return service is not null && AssistantRules.RestartableServices.Contains(service)
                    ? (service, null)
                    : (null, "that service may not be restarted");
            default:
                return (null, null);
        }
    }

    private async Task<bool> RecentlySeenAsync(string deviceId, int pid)
    {
        var since = time.GetUtcNow().UtcDateTime - AssistantRules.PidFreshness;
        var reports = await db.DiagnosticResults.AsNoTracking()
            .Where(d => d.DeviceId == deviceId && d.CheckType == "top_processes" && d.CreatedAt >= since)
            .Select(d => d.Data)
            .ToListAsync();
        return reports.Any(data => ContainsPid(data, pid));
    }

    internal static bool ContainsPid(string? data, int pid)
    {
        if (data is null) return false;
        try
        {
            using var doc = JsonDocument.Parse(data);
            if (!doc.RootElement.TryGetProperty("processes", out var processes) || processes.ValueKind != JsonValueKind.Array) return false;
            return processes.EnumerateArray().Any(p => p.ValueKind == JsonValueKind.Object
                && p.TryGetProperty("pid", out var v) && v.TryGetInt32(out var seen) && seen == pid);
        }
        catch (JsonException) { return false; }
    }
}
