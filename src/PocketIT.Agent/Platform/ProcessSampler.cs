using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace PocketIT.Agent.Platform;

/// <summary>One process as the checks and tools report it.</summary>
public sealed record ProcessSample(int Pid, string Name, double CpuPercent, double MemoryMB);

/// <summary>
/// Samples every process's CPU time twice over an interval (CPU % is relative to the whole machine, as Task
/// Manager shows it) and reads its resident memory. Processes that vanish or deny access are skipped.
/// </summary>
public static class ProcessSampler
{
    public static async Task<IReadOnlyList<ProcessSample>> SampleAsync(TimeSpan interval, CancellationToken ct)
    {
        var first = new Dictionary<int, TimeSpan>();
        foreach (var process in Process.GetProcesses())
        {
            using (process)
                if (TryCpu(process) is { } cpu) first[process.Id] = cpu;
        }
        var clock = Stopwatch.StartNew();
        await Task.Delay(interval, ct);
        var elapsed = clock.Elapsed.TotalMilliseconds * Environment.ProcessorCount;

        var samples = new List<ProcessSample>();
        foreach (var process in Process.GetProcesses())
        {
            using (process)
            {
                try
                {
                    var cpu = TryCpu(process);
                    var percent = cpu is { } now && first.TryGetValue(process.Id, out var before) && elapsed > 0
                        ? Math.Clamp((now - before).TotalMilliseconds / elapsed * 100, 0, 100)
                        : 0;
                    samples.Add(new ProcessSample(process.Id, process.ProcessName, Units.Round(percent), Units.Mb(process.WorkingSet64)));
                }
                catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException) { }
            }
        }
        return samples;
    }

    /// <summary>The top processes by memory as the <c>top_processes</c> check reports them.</summary>
    public static async Task<DiagnosticOutcome> TopProcessesAsync(CancellationToken ct, int count = 15)
    {
        var top = (await SampleAsync(TimeSpan.FromSeconds(1), ct)).OrderByDescending(p => p.MemoryMB).Take(count).ToList();
        var status = Thresholds.TopProcesses(top.Select(p => (p.CpuPercent, p.MemoryMB)));
        var results = new JsonObject { ["processes"] = ToJson(top) };
        var heaviest = top.FirstOrDefault();
        return new DiagnosticOutcome(status, results, "Top Processes", heaviest is null ? null : $"{heaviest.Name} {heaviest.MemoryMB} MB");
    }

    public static JsonArray ToJson(IEnumerable<ProcessSample> samples) =>
        new(samples.Select(p => (JsonNode)new JsonObject
        {
            ["name"] = p.Name,
            ["pid"] = p.Pid,
            ["cpuPercent"] = p.CpuPercent,
            ["memoryMB"] = p.MemoryMB,
        }).ToArray());

    /// <summary>Machine-wide CPU % from the sum of all processes' CPU time; the portable fallback when the OS has no counter.</summary>
    public static async Task<double> MachineCpuPercentAsync(TimeSpan interval, CancellationToken ct)
    {
        var samples = await SampleAsync(interval, ct);
        return Units.Round(Math.Clamp(samples.Sum(s => s.CpuPercent), 0, 100));
    }

    private static TimeSpan? TryCpu(Process process)
    {
        try { return process.TotalProcessorTime; }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException) { return null; }
    }
}
