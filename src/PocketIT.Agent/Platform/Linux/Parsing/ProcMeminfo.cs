using System.Globalization;

namespace PocketIT.Agent.Platform.Linux.Parsing;

/// <summary><c>/proc/meminfo</c>: total and available memory in bytes.</summary>
public static class ProcMeminfo
{
    public sealed record Memory(double TotalBytes, double AvailableBytes);

    public static Memory? Parse(string text)
    {
        var kb = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            var number = line[(colon + 1)..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) kb[line[..colon].Trim()] = value;
        }
        if (!kb.TryGetValue("MemTotal", out var total) || total <= 0) return null;
        // Kernels before 3.14 lack MemAvailable; free + buffers + page cache is the classic estimate.
        var available = kb.TryGetValue("MemAvailable", out var a) ? a
            : kb.GetValueOrDefault("MemFree") + kb.GetValueOrDefault("Buffers") + kb.GetValueOrDefault("Cached");
        return new Memory(total * 1024, Math.Min(available, total) * 1024);
    }
}
