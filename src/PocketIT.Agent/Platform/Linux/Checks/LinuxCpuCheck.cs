using PocketIT.Agent.Platform.Linux.Parsing;

namespace PocketIT.Agent.Platform.Linux.Checks;

/// <summary>cpu: busy share of all cores from two /proc/stat readings one second apart.</summary>
public static class LinuxCpuCheck
{
    public static async Task<DiagnosticOutcome> RunAsync(CancellationToken ct)
    {
        var before = ProcStat.ParseCpu(LinuxFiles.Read("/proc/stat") ?? "");
        await Task.Delay(TimeSpan.FromSeconds(1), ct);
        var after = ProcStat.ParseCpu(LinuxFiles.Read("/proc/stat") ?? "");
        if (before is null || after is null)
            return UsageReport.Cpu(await ProcessSampler.MachineCpuPercentAsync(TimeSpan.FromSeconds(1), ct), "sum of process CPU time");
        return UsageReport.Cpu(ProcStat.UsagePercent(before, after), "/proc/stat over 1 s");
    }
}
