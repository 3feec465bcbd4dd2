namespace PocketIT.Agent.Platform;

/// <summary>What a clean-up removed.</summary>
public sealed record CleanupReport(long BytesFreed, int FilesDeleted, int FilesSkipped)
{
    public static CleanupReport operator +(CleanupReport a, CleanupReport b) =>
        new(a.BytesFreed + b.BytesFreed, a.FilesDeleted + b.FilesDeleted, a.FilesSkipped + b.FilesSkipped);

    public static readonly CleanupReport Empty = new(0, 0, 0);

    public string Describe() =>
        $"freed {Units.Mb(BytesFreed)} MB ({FilesDeleted} files deleted" + (FilesSkipped > 0 ? $", {FilesSkipped} in use or protected were left)" : ")");
}

/// <summary>
/// Deletes old files under one directory without ever leaving it: symbolic links are removed as links (their
/// targets are untouched) and never descended into, empty files are left alone (on Unix that also spares
/// sockets and pipes, which look empty), and files in use are skipped rather than failing the whole clean-up.
/// </summary>
public static class TempCleaner
{
    /// <summary>Top-level entries in a shared temp dir that live sessions depend on (X11, ICE, systemd private dirs).</summary>
    private static readonly string[] ProtectedPrefixes = [".X11-unix", ".ICE-unix", ".XIM-unix", ".font-unix", ".Test-unix", "systemd-private-", "snap-private-tmp", ".X"];

    public static CleanupReport Clean(string root, TimeSpan minimumAge, CancellationToken ct)
    {
        var rootInfo = new DirectoryInfo(root);
        if (!rootInfo.Exists || rootInfo.LinkTarget is not null) return CleanupReport.Empty;
        var cutoff = DateTime.UtcNow - minimumAge;
        return CleanDirectory(rootInfo, cutoff, minimumAge > TimeSpan.Zero, topLevel: true, ct);
    }

    private static CleanupReport CleanDirectory(DirectoryInfo directory, DateTime cutoff, bool ageMatters, bool topLevel, CancellationToken ct)
    {
        var report = CleanupReport.Empty;
        // Re-checked here, right before listing, to keep the window for a directory-to-link swap as small as possible.
        directory.Refresh();
        if (directory.LinkTarget is not null) return new CleanupReport(0, 0, 1);
        IEnumerable<FileSystemInfo> entries;
        try { entries = directory.EnumerateFileSystemInfos("*", new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = 0 }).ToList(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return new CleanupReport(0, 0, 1); }

        foreach (var entry in entries)
        {
            ct.ThrowIfCancellationRequested();
            if (topLevel && ProtectedPrefixes.Any(p => entry.Name.StartsWith(p, StringComparison.Ordinal))) continue;
            try
            {
                if (entry.LinkTarget is not null)
                {
                    // A link is deleted as a link; what it points to is never touched.
                    if (entry.LastWriteTimeUtc < cutoff) { entry.Delete(); report += new CleanupReport(0, 1, 0); }
                    continue;
                }
                if (entry is DirectoryInfo sub)
                {
                    // Judge the directory's age before emptying it changes its modification time.
                    var untouched = sub.LastWriteTimeUtc < cutoff;
                    report += CleanDirectory(sub, cutoff, ageMatters, topLevel: false, ct);
                    if (untouched && !sub.EnumerateFileSystemInfos().Any()) sub.Delete();
                    continue;
                }
                var file = (FileInfo)entry;
                // A file read recently is still in use even if old (access time counts only for age-based clean-ups).
                var recentlyUsed = file.LastWriteTimeUtc >= cutoff || (ageMatters && file.LastAccessTimeUtc >= cutoff);
                if (file.Length == 0 || recentlyUsed) continue;
                var size = file.Length;
                file.Delete();
                report += new CleanupReport(size, 1, 0);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { report += new CleanupReport(0, 0, 1); }
        }
        return report;
    }
}
