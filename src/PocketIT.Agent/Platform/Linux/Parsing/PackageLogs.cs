using System.Globalization;

namespace PocketIT.Agent.Platform.Linux.Parsing;

/// <summary>Package manager traces: when the machine last took updates.</summary>
public static class PackageLogs
{
    /// <summary>The newest "upgrade" line of a dpkg log ("2024-05-01 10:00:00 upgrade pkg:amd64 1.0 1.1"), as UTC.</summary>
    public static DateTimeOffset? LastDpkgUpgrade(string text, TimeZoneInfo localZone)
    {
        DateTime? newest = null;
        foreach (var line in text.Split('\n'))
        {
            var fields = line.Split(' ', 4);
            if (fields.Length < 3 || fields[2] != "upgrade") continue;
            if (DateTime.TryParseExact(fields[0] + " " + fields[1], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture,
                    DateTimeStyles.None, out var when) && (newest is null || when > newest))
                newest = when;
        }
        if (newest is null) return null;
        // dpkg writes local time.
        var local = DateTime.SpecifyKind(newest.Value, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, localZone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The newest of <c>rpm -qa --qf '%{INSTALLTIME}\n'</c> (epoch seconds).</summary>
    public static DateTimeOffset? LastRpmInstall(string text)
    {
        long newest = 0;
        foreach (var line in text.Split('\n'))
            if (long.TryParse(line.Trim(), out var seconds) && seconds > newest) newest = seconds;
        return newest > 0 ? DateTimeOffset.FromUnixTimeSeconds(newest) : null;
    }

    /// <summary>The count in update-notifier's "12 updates can be applied immediately." (0 when it says none).</summary>
    public static int? UpdateNotifierCount(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            var words = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length >= 2 && words[1].StartsWith("update", StringComparison.Ordinal) && int.TryParse(words[0], out var count)) return count;
        }
        return text.Contains("No updates", StringComparison.OrdinalIgnoreCase) || text.Trim().Length == 0 ? 0 : null;
    }

    public static double DaysBetween(DateTimeOffset earlier, DateTimeOffset now) =>
        Math.Max(0, Math.Floor((now - earlier).TotalDays));
}
