using System.Text.Json.Nodes;

namespace PocketIT.Agent.Platform;

/// <summary>One filesystem's size, as the disk check reports it.</summary>
public sealed record DriveUsage(string Drive, double TotalBytes, double FreeBytes)
{
    public double UsagePercent => Units.Percent(TotalBytes - FreeBytes, TotalBytes);
}

/// <summary>The disk check's verdict: each drive judged on its own, the worst drive wins (notes §7).</summary>
public static class DiskReport
{
    public static DiagnosticOutcome Build(IReadOnlyList<DriveUsage> drives)
    {
        var rows = new JsonArray();
        var statuses = new List<string>();
        foreach (var drive in drives)
        {
            var status = Thresholds.Disk(drive.UsagePercent);
            statuses.Add(status);
            rows.Add(new JsonObject
            {
                ["drive"] = drive.Drive,
                ["totalGB"] = Units.Gb(drive.TotalBytes),
                ["freeGB"] = Units.Gb(drive.FreeBytes),
                ["usagePercent"] = drive.UsagePercent,
                ["status"] = status,
            });
        }
        var fullest = drives.OrderByDescending(d => d.UsagePercent).FirstOrDefault();
        return new DiagnosticOutcome(Thresholds.Worst(statuses), new JsonObject { ["drives"] = rows }, "Disk",
            fullest is null ? null : $"{fullest.Drive} {fullest.UsagePercent}% used");
    }
}
