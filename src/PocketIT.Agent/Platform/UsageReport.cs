using System.Text.Json.Nodes;

namespace PocketIT.Agent.Platform;

/// <summary>The cpu and memory checks' outcomes, built the same way on every OS.</summary>
public static class UsageReport
{
    public static DiagnosticOutcome Cpu(double usagePercent, string method)
    {
        usagePercent = Units.Round(Math.Clamp(usagePercent, 0, 100));
        var results = new JsonObject
        {
            ["usagePercent"] = usagePercent,
            ["processorCount"] = Environment.ProcessorCount,
            ["method"] = method,
        };
        return new DiagnosticOutcome(Thresholds.Usage(usagePercent), results, "CPU Usage", $"{usagePercent}%");
    }

    public static DiagnosticOutcome Memory(double totalBytes, double availableBytes)
    {
        var usagePercent = Units.Percent(totalBytes - availableBytes, totalBytes);
        var results = new JsonObject
        {
            ["usagePercent"] = usagePercent,
            ["totalGB"] = Units.Gb(totalBytes),
            ["availableGB"] = Units.Gb(availableBytes),
            ["usedGB"] = Units.Gb(totalBytes - availableBytes),
        };
        return new DiagnosticOutcome(Thresholds.Usage(usagePercent), results, "Memory Usage", $"{usagePercent}%");
    }
}
