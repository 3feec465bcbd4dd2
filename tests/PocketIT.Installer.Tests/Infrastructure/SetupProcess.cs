using System.Diagnostics;
using PocketIT.Protocol;

namespace PocketIT.Installer.Tests.Infrastructure;

/// <summary>
/// The published linux-x64 bootstrapper with an overlay appended, as the server would serve it for Windows, so
/// the overlay reader inside the real binary is what finds the server and token.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SetupProcess : IDisposable
{
    public string WorkDir { get; } = Path.Combine(Path.GetTempPath(), "pocketit-installer-tests", Guid.NewGuid().ToString("N"));
    public string Executable => Path.Combine(WorkDir, "PocketIT.Setup");
    public string InstallDir => Path.Combine(WorkDir, "install", "pocketit");

    /// <param name="config">The overlay to append; null runs the bootstrapper exactly as published.</param>
    public SetupProcess(InstallerConfig? config)
    {
        Directory.CreateDirectory(WorkDir);
        using (var published = File.OpenRead(PublishedPackages.LinuxSetup))
        using (var copy = File.Create(Executable))
        {
            if (config is null) published.CopyTo(copy);
            else InstallerOverlay.WriteAsync(published, config, copy).GetAwaiter().GetResult();
        }
        File.SetUnixFileMode(Executable, (UnixFileMode)0b111_101_101);
    }

    public async Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = WorkDir };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { process.Kill(entireProcessTree: true); throw; }
        return (process.ExitCode, await output, await errors);
    }

    public void Dispose()
    {
        try { Directory.Delete(WorkDir, recursive: true); } catch (IOException) { }
    }
}
