using System.Text;
using PocketIT.Server.Tests.Infrastructure;

namespace PocketIT.Server.Tests.Installer;

/// <summary>
/// The server with a small fake packages folder: agents for linux-x64, win-x64 and win-arm64 (the last without a
/// bootstrapper, so it falls back to the ZIP), a bootstrapper for win-x64, nothing for osx-arm64.
/// </summary>
public class FakePackagesFactory : PocketItFactory
{
    public static readonly byte[] SetupExeBytes = [.. "MZ"u8, .. Encoding.ASCII.GetBytes("fake bootstrapper " + new string('x', 3000))];
    public static readonly byte[] LinuxAgentBytes = Encoding.ASCII.GetBytes("#!/bin/sh\necho fake agent\n");

    public string PackagesDir { get; } = Path.Combine(Path.GetTempPath(), "pocketit-tests", "packages-" + Guid.NewGuid().ToString("N"));

    /// <summary>A file outside every rid folder that a symbolic link inside one points at; it must never be served.</summary>
    public string OutsideSecret => Path.Combine(PackagesDir, "outside-secret.txt");

    public FakePackagesFactory()
    {
        Write("linux-x64/pocketit-agent", LinuxAgentBytes, executable: true);
        Write("linux-x64/lib/helper.dll", "helper"u8.ToArray());
        Write("linux-x64/appsettings.json", """{"Server":{"Url":"http://published-default"}}"""u8.ToArray());
        Write("win-x64/pocketit-agent.exe", "MZ agent"u8.ToArray());
        Write("win-x64/appsettings.json", "{}"u8.ToArray());
        Write("win-arm64/pocketit-agent.exe", "MZ arm agent"u8.ToArray());
        Write("setup/win-x64/PocketIT.Setup.exe", SetupExeBytes);
        Write("outside-secret.txt", "not for download"u8.ToArray());
        if (!OperatingSystem.IsWindows())
            File.CreateSymbolicLink(Path.Combine(PackagesDir, "linux-x64", "leak.txt"), OutsideSecret);
    }

    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("PocketIT:Installer:PackagesDir", PackagesDir)];

    private void Write(string relative, byte[] bytes, bool executable = false)
    {
        var path = Path.Combine(PackagesDir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        if (executable && !OperatingSystem.IsWindows()) File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) try { Directory.Delete(PackagesDir, recursive: true); } catch (IOException) { }
    }
}

/// <summary>Fake packages with a package-download limit small enough to reach in a test.</summary>
public sealed class TightPackageLimitFactory : FakePackagesFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [.. base.Settings, new("PocketIT:RateLimits:PackageDownloadsPerHour", "2")];
}
