namespace PocketIT.Server.PocketIt.Devices;

/// <summary>Notes §9: the mean of the latest result per scored check (ok 100, warning 50, error 0, other 50), rounded half away from zero.</summary>
public static class HealthScore
{
    public static readonly string[] ScoredChecks = ["cpu", "memory", "disk", "network", "top_processes", "event_log", "windows_update", "services"];

    public static int Points(string status) => status switch
    {
        "ok" => 100,
        "warning" => 50,
        "error" => 0,
        _ => 50,
    };

    /// <summary>Null when no scored check has a result yet.</summary>
    public static int? Compute(IReadOnlyCollection<string> latestStatuses) =>
        latestStatuses.Count == 0
            ? null
            : (int)Math.Round(latestStatuses.Average(Points), MidpointRounding.AwayFromZero);
}
