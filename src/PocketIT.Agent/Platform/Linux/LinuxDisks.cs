using PocketIT.Agent.Platform.Linux.Parsing;

namespace PocketIT.Agent.Platform.Linux;

/// <summary>
/// The machine's data filesystems with their sizes. When /proc/self/mounts shows none (a container whose root is
/// an overlay), the root filesystem stands in, so the disk check and totalDiskGB still describe the disk the
/// agent lives on.
/// </summary>
public static class LinuxDisks
{
    public static List<DriveUsage> Drives()
    {
        var mounts = MountTable.DataMounts(MountTable.Parse(LinuxFiles.Read("/proc/self/mounts") ?? ""));
        var drives = mounts.Select(m => Measure(m.MountPoint)).OfType<DriveUsage>()
            .GroupBy(d => (d.TotalBytes, d.FreeBytes)).Select(g => g.First()) // one filesystem seen through two devices (e.g. btrfs multi-device)
            .ToList();
        if (drives.Count == 0 && Measure("/") is { } root) drives.Add(root);
        return drives;
    }

    private static DriveUsage? Measure(string mountPoint)
    {
        try
        {
            var info = new DriveInfo(mountPoint);
            return info.TotalSize > 0 ? new DriveUsage(mountPoint, info.TotalSize, info.AvailableFreeSpace) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException) { return null; }
    }
}
