using System.Runtime.InteropServices;

namespace PocketIT.Agent.LocalChat.Peers;

/// <summary>The account the agent runs as, by number: .NET exposes the user name but not the effective uid.</summary>
public static partial class UnixAccount
{
    public const uint RootUid = 0;

    /// <summary>The effective uid of this process; null on Windows.</summary>
    public static uint? EffectiveUid() =>
        OperatingSystem.IsWindows() ? null : OperatingSystem.IsMacOS() ? MacGeteuid() : geteuid();

    public static bool IsRoot => EffectiveUid() == RootUid;

    [LibraryImport("libc")]
    private static partial uint geteuid();

    // macOS has no libc file to load by that name; the C library is part of libSystem.
    [LibraryImport(MacLibSystem, EntryPoint = "geteuid")]
    private static partial uint MacGeteuid();

    internal const string MacLibSystem = "/usr/lib/libSystem.B.dylib";
}
