namespace PocketIT.Agent.Platform.Linux.Parsing;

/// <summary>
/// <c>/proc/self/mounts</c>, reduced to the local filesystems that hold data: pseudo filesystems (proc, tmpfs,
/// overlay, squashfs snaps, ...) are dropped, and a device mounted twice (bind mounts, btrfs subvolumes) counts
/// once, under its shortest mount point.
/// </summary>
public static class MountTable
{
    public sealed record Mount(string Device, string MountPoint, string FsType);

    private static readonly HashSet<string> DataFilesystems = new(StringComparer.Ordinal)
    {
        "ext2", "ext3", "ext4", "xfs", "btrfs", "zfs", "f2fs", "jfs", "reiserfs", "bcachefs", "vfat", "exfat", "ntfs", "ntfs3", "fuseblk", "hfsplus", "apfs",
    };

    public static List<Mount> Parse(string text)
    {
        var mounts = new List<Mount>();
        foreach (var line in text.Split('\n'))
        {
            var fields = line.Split(' ');
            if (fields.Length < 3) continue;
            mounts.Add(new Mount(Unescape(fields[0]), Unescape(fields[1]), fields[2]));
        }
        return mounts;
    }

    public static List<Mount> DataMounts(IEnumerable<Mount> mounts) =>
        mounts.Where(m => (DataFilesystems.Contains(m.FsType) && m.Device.StartsWith('/')) || m.FsType == "zfs")
            .GroupBy(m => m.Device, StringComparer.Ordinal)
            .Select(g => g.OrderBy(m => m.MountPoint.Length).First())
            .OrderBy(m => m.MountPoint, StringComparer.Ordinal)
            .ToList();

    /// <summary>The kernel escapes space, tab, newline and backslash in mount fields as octal (\040).</summary>
    private static string Unescape(string field)
    {
        if (!field.Contains('\\')) return field;
        var result = new System.Text.StringBuilder();
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && i + 3 < field.Length && field.Substring(i + 1, 3) is var octal
                && octal.All(c => c is >= '0' and <= '7'))
            {
                result.Append((char)Convert.ToInt32(octal, 8));
                i += 3;
            }
            else result.Append(field[i]);
        }
        return result.ToString();
    }
}
