using System.Globalization;

namespace PocketIT.Agent.Platform.Linux.Parsing;

/// <summary><c>/proc/stat</c>: the aggregate CPU line, and the boot time.</summary>
public static class ProcStat
{
    /// <summary>Cumulative jiffies: idle (idle + iowait) and total (every column up to steal; guest time is already inside user).</summary>
    public sealed record CpuTimes(ulong Idle, ulong Total);

    public static CpuTimes? ParseCpu(string text)
    {
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith("cpu ", StringComparison.Ordinal));
        if (line is null) return null;
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => ulong.TryParse(f, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0).ToArray();
        if (fields.Length < 4) return null;
        // user nice system idle iowait irq softirq steal [guest guest_nice]
        var total = fields.Take(Math.Min(fields.Length, 8)).Aggregate(0UL, (sum, v) => sum + v);
        var idle = fields[3] + (fields.Length > 4 ? fields[4] : 0);
        return new CpuTimes(idle, total);
    }

    /// <summary>Busy share of the time between two readings, 0–100.</summary>
    public static double UsagePercent(CpuTimes before, CpuTimes after)
    {
        if (after.Total <= before.Total) return 0;
        var total = (double)(after.Total - before.Total);
        var idle = after.Idle >= before.Idle ? after.Idle - before.Idle : 0;
        return Math.Clamp((total - idle) / total * 100, 0, 100);
    }

    /// <summary>The <c>btime</c> line: boot time in seconds since the epoch.</summary>
    public static DateTimeOffset? BootTime(string text)
    {
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith("btime ", StringComparison.Ordinal));
        return line is not null && long.TryParse(line[6..].Trim(), out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
    }
}
