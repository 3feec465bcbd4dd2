namespace PocketIT.Agent.Platform;

/// <summary>
/// The notes §7 rules turning measurements into <c>ok</c> / <c>warning</c> / <c>error</c>. Kept free of I/O so
/// every boundary is unit-tested, and shared by all operating systems so they judge alike.
/// </summary>
public static class Thresholds
{
    public const string Ok = "ok";
    public const string Warning = "warning";
    public const string Error = "error";

    /// <summary>CPU and memory: under 70 ok, under 90 warning, else error.</summary>
    public static string Usage(double percent) => percent < 70 ? Ok : percent < 90 ? Warning : Error;

    /// <summary>One drive: under 80 ok, under 95 warning, else error.</summary>
    public static string Disk(double usagePercent) => usagePercent < 80 ? Ok : usagePercent < 95 ? Warning : Error;

    /// <summary>The worst of several verdicts (no verdicts is ok).</summary>
    public static string Worst(IEnumerable<string> statuses)
    {
        var worst = Ok;
        foreach (var status in statuses)
        {
            if (status == Error) return Error;
            if (status == Warning) worst = Warning;
        }
        return worst;
    }

    /// <summary>No reply at all is an error; a reply slower than 200 ms or failing DNS is a warning.</summary>
    public static string Network(bool internetReachable, double? pingMs, bool dnsWorking) =>
        !internetReachable ? Error : pingMs is > 200 || !dnsWorking ? Warning : Ok;

    public const double HeavyCpuPercent = 50;
    public const double HeavyMemoryMB = 2048;

    /// <summary>Warning when any process uses more than 50 % CPU or more than 2048 MB.</summary>
    public static string TopProcesses(IEnumerable<(double CpuPercent, double MemoryMB)> processes) =>
        processes.Any(p => p.CpuPercent > HeavyCpuPercent || p.MemoryMB > HeavyMemoryMB) ? Warning : Ok;

    /// <summary>Last 24 h: any critical is an error, any error a warning.</summary>
    public static string EventLog(int criticals, int errors) => criticals > 0 ? Error : errors > 0 ? Warning : Ok;

    /// <summary>A pending reboot or more than 90 days without updates is an error; more than 30 days a warning. Unknown age alone is ok.</summary>
    public static string Updates(bool pendingReboot, double? daysSinceLastUpdate) =>
        pendingReboot || daysSinceLastUpdate > 90 ? Error : daysSinceLastUpdate > 30 ? Warning : Ok;

    /// <summary>Any stopped automatic service is a warning.</summary>
    public static string Services(int stoppedAutoServices) => stoppedAutoServices > 0 ? Warning : Ok;

    /// <summary>Issues (protection off) are errors; warnings (stale signatures, a firewall off) are warnings.</summary>
    public static string Security(int issues, int warnings) => issues > 0 ? Error : warnings > 0 ? Warning : Ok;

    /// <summary>Health under 50 or charge under 10 is an error; health under 80 or charge under 20 a warning.</summary>
    public static string Battery(double? healthPercent, double? chargePercent) =>
        healthPercent < 50 || chargePercent < 10 ? Error
        : healthPercent < 80 || chargePercent < 20 ? Warning
        : Ok;
}
