using PocketIT.Agent.LocalChat.Peers;

namespace PocketIT.Agent.LocalChat;

/// <summary>
/// The chat socket every account can reach (socket 0666 in a 0755 folder), for an agent running as a system
/// service whose data folder the signed-in user cannot open. Connections are authorised by the peer's uid
/// (<see cref="ChatPeerPolicy"/>), not by file permissions.
/// </summary>
public static class SharedChatSocket
{
    public const string LinuxDefault = "/run/pocketit-agent/agent.sock";
    public const string MacDefault = "/var/run/pocketit-agent/agent.sock";
    /// <summary>The value of <c>LocalChat:SocketPath</c> that turns the shared socket off.</summary>
    public const string Off = "off";

    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
    public const UnixFileMode SocketMode = UnixFileMode.UserRead | UnixFileMode.UserWrite
        | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;

    /// <summary>The well-known path on this OS; null on Windows (the chat there uses the data folder, as before).</summary>
    public static string? DefaultPath() =>
        OperatingSystem.IsLinux() ? LinuxDefault : OperatingSystem.IsMacOS() ? MacDefault : null;

    /// <summary>
    /// Creates the socket's folder (0755, owned by the agent's account) or checks an existing one. A folder that
    /// is a symlink, not a folder, or owned by another account may have been planted to redirect the socket, so
    /// it is refused rather than repaired.
    /// </summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public static void PrepareFolder(string socketPath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(socketPath))!;
        var agentUid = UnixAccount.EffectiveUid() ?? throw new PlatformNotSupportedException("The shared chat socket is for Unix.");
        var existing = UnixFileOwner.Of(folder);
        if (existing is null)
        {
            Directory.CreateDirectory(folder, FolderMode);
            existing = UnixFileOwner.Of(folder) ?? throw new IOException($"Cannot examine {folder}.");
        }
        if (existing.IsSymlink || !existing.IsDirectory)
            throw new UnsafeSocketFolderException($"{folder} is not a plain folder (a symlink or a file); not using it for the chat socket.");
        if (existing.Uid != agentUid)
            throw new UnsafeSocketFolderException($"{folder} belongs to uid {existing.Uid}, not to the agent's account (uid {agentUid}); not using it for the chat socket.");
        File.SetUnixFileMode(folder, FolderMode);
    }
}

/// <summary>The shared socket's folder cannot be trusted; the agent goes on with its data-folder socket only.</summary>
public sealed class UnsafeSocketFolderException(string message) : IOException(message);
