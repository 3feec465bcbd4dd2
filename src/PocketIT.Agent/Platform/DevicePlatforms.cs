using PocketIT.Agent.Platform.Linux;
using PocketIT.Agent.Platform.MacOs;
using PocketIT.Agent.Platform.Portable;
using PocketIT.Agent.Platform.Windows;

namespace PocketIT.Agent.Platform;

/// <summary>Picks the platform implementation for the OS the agent runs on.</summary>
public static class DevicePlatforms
{
    public static IDevicePlatform ForCurrentOs()
    {
        if (OperatingSystem.IsWindows()) return new WindowsPlatform();
        if (OperatingSystem.IsLinux()) return new LinuxPlatform();
        if (OperatingSystem.IsMacOS()) return new MacPlatform();
        return new PortablePlatform();
    }
}
