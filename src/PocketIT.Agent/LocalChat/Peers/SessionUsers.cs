using System.Globalization;

namespace PocketIT.Agent.LocalChat.Peers;

/// <summary>
/// The uids of the people with a login session on this machine, read afresh for every connection.
/// Linux: systemd-logind keeps <c>/run/user/&lt;uid&gt;</c> (owned by that uid) for as long as the user has a
/// session, graphical or not; only root can create entries there, so it cannot be faked by another user.
/// macOS: the owner of <c>/dev/console</c>, the user at the screen. Without logind the set is empty, and only
/// root and the agent's own account may chat.
/// </summary>
public static class SessionUsers
{
    public const string LinuxRuntimeRoot = "/run/user";

    public static IReadOnlySet<uint> Current()
    {
        if (OperatingSystem.IsLinux()) return FromRuntimeFolders(LinuxRuntimeRoot);
        if (OperatingSystem.IsMacOS() && UnixFileOwner.Of("/dev/console") is { Uid: not UnixAccount.RootUid } console) return new HashSet<uint> { console.Uid };
        return new HashSet<uint>();
    }

    /// <summary>Numeric folders under <paramref name="root"/> owned by the uid they are named after.</summary>
    public static IReadOnlySet<uint> FromRuntimeFolders(string root)
    {
        var uids = new HashSet<uint>();
        if (!Directory.Exists(root)) return uids;
        foreach (var folder in Directory.EnumerateDirectories(root))
        {
            if (!uint.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var uid)) continue;
            if (UnixFileOwner.Of(folder) is { IsDirectory: true, IsSymlink: false } owner && owner.Uid == uid) uids.Add(uid);
        }
        return uids;
    }
}
