using System.IO.Compression;
using System.Text.Json.Nodes;
using PocketIT.Agent.Platform.Linux.Parsing;

namespace PocketIT.Agent.Platform.Linux.Checks;

/// <summary>
/// windows_update, the Linux counterpart: a pending reboot (/var/run/reboot-required, written by Debian/Ubuntu
/// after kernel or libc updates), days since packages were last upgraded (dpkg's log; rpm's newest install time),
/// and, where it costs no network, how many upgrades apt already knows about.
/// </summary>
public static class LinuxUpdatesCheck
{
    public static async Task<DiagnosticOutcome> RunAsync(CancellationToken ct)
    {
        var pendingReboot = File.Exists("/var/run/reboot-required") || File.Exists("/run/reboot-required");
        var (lastUpdate, source) = await LastUpdateAsync(ct);
        var now = DateTimeOffset.UtcNow;
        double? days = lastUpdate is null ? null : PackageLogs.DaysBetween(lastUpdate.Value, now);
        var results = new JsonObject
        {
            ["pendingReboot"] = pendingReboot,
            ["daysSinceLastUpdate"] = days,
            ["lastUpdate"] = lastUpdate?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
            ["source"] = source,
        };
        if (PendingUpdates() is { } pending) results["pendingUpdates"] = pending;
        if (pendingReboot && LinuxFiles.Read("/var/run/reboot-required.pkgs") is { } pkgs)
            results["rebootRequiredBy"] = new JsonArray(pkgs.Split('\n', StringSplitOptions.RemoveEmptyEntries).Distinct().Take(20).Select(p => (JsonNode)p).ToArray());
        var value = pendingReboot ? "Reboot pending" : days is null ? "Unknown" : $"{days} days";
        return new DiagnosticOutcome(Thresholds.Updates(pendingReboot, days), results, "Updates", value);
    }

    private static async Task<(DateTimeOffset? When, string Source)> LastUpdateAsync(CancellationToken ct)
    {
        if (File.Exists("/var/log/dpkg.log"))
        {
            foreach (var log in new[] { "/var/log/dpkg.log", "/var/log/dpkg.log.1", "/var/log/dpkg.log.2.gz", "/var/log/dpkg.log.3.gz" })
                if (ReadMaybeCompressed(log) is { } text && PackageLogs.LastDpkgUpgrade(text, TimeZoneInfo.Local) is { } when)
                    return (when, "dpkg log (last package upgrade)");
            return (null, "dpkg log has no upgrades");
        }
        if (CommandRunner.Find("rpm") is { } rpm)
        {
            var run = await CommandRunner.RunAsync(rpm, ["-qa", "--qf", "%{INSTALLTIME}\\n"], TimeSpan.FromSeconds(30), ct);
            if (run.Succeeded && PackageLogs.LastRpmInstall(run.StdOut) is { } when) return (when, "rpm database (newest package install)");
        }
        return (null, "no supported package manager found");
    }

    /// <summary>
    /// Ubuntu's update-notifier keeps a ready count; elsewhere counting would mean an apt/dnf dependency solve
    /// (15 s and more on a small machine), which is not worth it every 15 minutes, so the key is left out.
    /// </summary>
    private static int? PendingUpdates() =>
        LinuxFiles.Read("/var/lib/update-notifier/updates-available") is { } text ? PackageLogs.UpdateNotifierCount(text) : null;

    private static string? ReadMaybeCompressed(string path)
    {
        if (!path.EndsWith(".gz", StringComparison.Ordinal)) return LinuxFiles.Read(path);
        try
        {
            if (!File.Exists(path)) return null;
            using var file = File.OpenRead(path);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var reader = new StreamReader(gzip);
            return reader.ReadToEnd();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException) { return null; }
    }
}
