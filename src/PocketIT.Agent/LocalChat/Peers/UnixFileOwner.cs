using System.Globalization;
using System.Runtime.InteropServices;
using PocketIT.Agent.Platform;

namespace PocketIT.Agent.LocalChat.Peers;

/// <summary>What a path is and who owns it, without following a symlink (.NET has no API for the owner).</summary>
public sealed record FileOwner(uint Uid, bool IsDirectory, bool IsSymlink);

/// <summary>
/// Linux: statx(2), whose struct layout is the same on every architecture (unlike struct stat).
/// macOS: <c>/usr/bin/stat -f</c>, which does not follow links either.
/// </summary>
public static partial class UnixFileOwner
{
    private const int AtFdCwd = -100, AtSymlinkNoFollow = 0x100, StatxBasicStats = 0x7ff;
    private const int StatxUidOffset = 20, StatxModeOffset = 28, StatxSize = 256;
    private const ushort TypeMask = 0xF000, TypeDirectory = 0x4000, TypeSymlink = 0xA000;

    /// <summary>The owner of <paramref name="path"/>, or null when it does not exist or cannot be examined.</summary>
    public static FileOwner? Of(string path)
    {
        if (OperatingSystem.IsLinux()) return LinuxStatx(path);
        if (OperatingSystem.IsMacOS()) return MacStat(path);
        return null;
    }

    private static FileOwner? LinuxStatx(string path)
    {
        var buffer = new byte[StatxSize];
        try
        {
            if (statx(AtFdCwd, path, AtSymlinkNoFollow, StatxBasicStats, buffer) != 0) return null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { return null; }
        var uid = BitConverter.ToUInt32(buffer, StatxUidOffset);
        var type = (ushort)(BitConverter.ToUInt16(buffer, StatxModeOffset) & TypeMask);
        return new FileOwner(uid, type == TypeDirectory, type == TypeSymlink);
    }

    private static FileOwner? MacStat(string path)
    {
        var run = CommandRunner.RunAsync("/usr/bin/stat", ["-f", "%u %HT", path], TimeSpan.FromSeconds(5), CancellationToken.None)
            .GetAwaiter().GetResult();
        if (!run.Succeeded) return null;
        var parts = run.StdOut.Trim().Split(' ', 2);
        if (parts.Length < 2 || !uint.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var uid)) return null;
        return new FileOwner(uid, parts[1] == "Directory", parts[1] == "Symbolic Link");
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int statx(int dirfd, string path, int flags, int mask, byte[] buffer);
}
