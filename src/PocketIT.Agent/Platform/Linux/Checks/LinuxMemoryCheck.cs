using System.Text.Json.Nodes;
using PocketIT.Agent.Platform.Linux.Parsing;

namespace PocketIT.Agent.Platform.Linux.Checks;

/// <summary>memory: MemTotal against MemAvailable (what can be used without swapping), from /proc/meminfo.</summary>
public static class LinuxMemoryCheck
{
    public static Task<DiagnosticOutcome> RunAsync(CancellationToken ct)
    {
        var memory = ProcMeminfo.Parse(LinuxFiles.Read("/proc/meminfo") ?? "");
        return Task.FromResult(memory is null
            ? new DiagnosticOutcome(Thresholds.Error, new JsonObject { ["error"] = "/proc/meminfo could not be read" }, "Memory Usage")
            : UsageReport.Memory(memory.TotalBytes, memory.AvailableBytes));
    }
}
