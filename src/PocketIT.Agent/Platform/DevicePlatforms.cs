namespace PocketIT.Agent.Platform;

/// <summary>Picks the platform implementation for the OS the agent runs on.</summary>
public static class DevicePlatforms
{
    public static IDevicePlatform ForCurrentOs() =>
        throw new PlatformNotSupportedException("No device platform is implemented yet.");
}
