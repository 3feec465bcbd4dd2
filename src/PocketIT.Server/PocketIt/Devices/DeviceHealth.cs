namespace PocketIT.Server.PocketIt.Devices;

/// <summary>The document's health bands: healthy >= 70, warning 40–69, critical &lt; 40, unscanned null.</summary>
public static class DeviceHealth
{
    public const int HealthyFrom = 70;
    public const int WarningFrom = 40;

    public static HealthSummary Summarize(IReadOnlyList<HealthDeviceRow> devices)
    {
        var scores = devices.Where(d => d.HealthScore is not null).Select(d => d.HealthScore!.Value).ToList();
        var breakdown = new HealthBreakdown(
            Healthy: scores.Count(s => s >= HealthyFrom),
            Warning: scores.Count(s => s is >= WarningFrom and < HealthyFrom),
            Critical: scores.Count(s => s < WarningFrom),
            Unscanned: devices.Count - scores.Count);
        // Null rather than 0 when nothing was scanned: 0 would read as "the whole fleet is critical".
        double? average = scores.Count == 0 ? null : scores.Average();
        // Worst first, so the dashboard shows what needs attention; unscanned devices last.
        var ordered = devices
            .OrderBy(d => d.HealthScore is null)
            .ThenBy(d => d.HealthScore)
            .ThenBy(d => d.Hostname, StringComparer.OrdinalIgnoreCase)
            .ThenBy(d => d.DeviceId, StringComparer.Ordinal)
            .ToList();
        return new HealthSummary(average, breakdown, ordered);
    }
}
