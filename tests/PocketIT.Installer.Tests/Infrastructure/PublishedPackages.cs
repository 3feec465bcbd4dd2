using System.Diagnostics;

namespace PocketIT.Installer.Tests.Infrastructure;

/// <summary>
/// The packages scripts/publish-packages.sh puts in <c>artifacts/packages</c> at the repository root. The test script
/// publishes them first; when they are missing (a plain <c>dotnet test</c>) the first test to ask runs the script
/// itself, once, under a file lock so parallel test processes don't publish over each other.
/// </summary>
public static class PublishedPackages
{
    public const string WindowsRuntime = "win-x64";
    public const string LinuxRuntime = "linux-x64";

    private static readonly SemaphoreSlim OneAtATime = new(1, 1);
    private static bool _ready;

    public static string RepositoryRoot { get; } = FindRepositoryRoot();
    public static string Directory => Path.Combine(RepositoryRoot, "artifacts", "packages");
    public static string WindowsSetupExe => Path.Combine(Directory, "setup", WindowsRuntime, "PocketIT.Setup.exe");
    public static string LinuxSetup => Path.Combine(Directory, "setup", LinuxRuntime, "PocketIT.Setup");
    public static string LinuxAgent => Path.Combine(Directory, LinuxRuntime, "pocketit-agent");
    public static string WindowsAgent => Path.Combine(Directory, WindowsRuntime, "pocketit-agent.exe");

    /// <summary>The server serves a Windows bootstrapper only when the agent it will fetch is there too.</summary>
    private static string[] Required => [WindowsSetupExe, WindowsAgent, LinuxSetup, LinuxAgent];

    public static async Task EnsureAsync()
    {
        if (_ready) return;
        await OneAtATime.WaitAsync();
        try
        {
            if (_ready) return;
            if (!Required.All(File.Exists)) await PublishUnderLockAsync();
            var missing = Required.Where(p => !File.Exists(p)).ToList();
            Assert.True(missing.Count == 0, "publish-packages.sh did not produce: " + string.Join(", ", missing));
            _ready = true;
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    private static async Task PublishUnderLockAsync()
    {
        System.IO.Directory.CreateDirectory(Path.Combine(RepositoryRoot, "artifacts"));
        await using var held = await AcquireLockAsync(Path.Combine(RepositoryRoot, "artifacts", ".publish-packages.lock"));
        if (Required.All(File.Exists)) return; // another process published while we waited

        var start = new ProcessStartInfo("bash") { WorkingDirectory = RepositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "scripts/publish-packages.sh", "--agent", $"{LinuxRuntime},{WindowsRuntime}", "--setup", $"{WindowsRuntime},{LinuxRuntime}" })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"publish-packages.sh failed ({process.ExitCode}):\n{await output}\n{await errors}");
    }

    private static async Task<FileStream> AcquireLockAsync(string path)
    {
        var deadline = DateTime.UtcNow.AddMinutes(25);
        while (true)
        {
            try { return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
            catch (IOException) when (DateTime.UtcNow < deadline) { await Task.Delay(1000); }
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PocketIT.slnx"))) return dir.FullName;
        throw new InvalidOperationException("PocketIT.slnx not found above " + AppContext.BaseDirectory);
    }
}
