using PocketIT.Protocol;

namespace PocketIT.Setup;

/// <summary>One install: read the embedded configuration, download the agent, put it in place, configure, start.</summary>
internal static class SetupCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = SetupOptions.Parse(args, ReadOwnOverlay(), out var usageError);
        if (options.Help)
        {
            Console.WriteLine(SetupOptions.Usage);
            return ExitCodes.Installed;
        }
        if (usageError is not null) return Fail(usageError + Environment.NewLine + SetupOptions.Usage, ExitCodes.Usage);
        if (string.IsNullOrEmpty(options.ServerUrl) || string.IsNullOrEmpty(options.Token))
            return Fail("This installer carries no server address or enrollment token. Download it again from the dashboard, "
                + "or pass --server-url and --token.", ExitCodes.Usage);
        if (!Uri.TryCreate(options.ServerUrl, UriKind.Absolute, out var server) || server.Scheme is not ("http" or "https"))
            return Fail($"Not a server address: {options.ServerUrl}", ExitCodes.Usage);

        try
        {
            RequireElevationIfNeeded(options);
            await InstallAsync(options);
            return ExitCodes.Installed;
        }
        catch (SetupException e)
        {
            return Fail(e.Message, e.ExitCode);
        }
        catch (IOException e)
        {
            return Fail($"Install failed: {e.Message}", ExitCodes.Failed);
        }
        catch (UnauthorizedAccessException e)
        {
            return Fail($"Permission denied: {e.Message} Run the installer as administrator (Windows) or root (Linux).", ExitCodes.NotElevated);
        }
    }

    private static async Task InstallAsync(SetupOptions options)
    {
        var rid = RuntimeId.Current;
        Console.WriteLine($"Pocket IT setup: installing the agent ({rid}) from {options.ServerUrl} into {options.InstallDir}");
        var download = Path.Combine(Path.GetTempPath(), $"pocketit-package-{Guid.NewGuid():N}.zip");
        try
        {
            await PackageDownloader.DownloadAsync(options.ServerUrl!, options.Token!, rid, download, CancellationToken.None);
            var staging = AgentFiles.Stage(download, options.InstallDir);
            try
            {
                AgentSettingsFile.Write(staging, options.ServerUrl!, options.Token!);
                if (!options.NoService) AutoStart.StopExisting();
                AgentFiles.Swap(staging, options.InstallDir);
            }
            finally
            {
                AgentFiles.TryDelete(staging);
            }
        }
        finally
        {
            AgentFiles.TryDelete(download);
        }

        if (!options.NoService)
        {
            AutoStart.RegisterAndStart(options.InstallDir, start: !options.NoStart);
            Console.WriteLine(OperatingSystem.IsWindows()
                ? $"Registered the logon task \"{AutoStart.WindowsTaskName}\"."
                : $"Registered and enabled {AutoStart.SystemdUnitName}.");
        }
        else if (!options.NoStart)
        {
            AutoStart.StartDetached(options.InstallDir);
        }
        Console.WriteLine(options.NoStart ? "Installed; the agent was not started." : "Installed; the agent is starting and will enroll itself.");
    }

    /// <summary>Registering auto-start and writing to Program Files or /opt need administrator or root rights.</summary>
    private static void RequireElevationIfNeeded(SetupOptions options)
    {
        if (Environment.IsPrivilegedProcess || (options.NoService && !options.InstallDirIsDefault)) return;
        throw new SetupException(OperatingSystem.IsWindows()
            ? "Run this installer as administrator (right-click → Run as administrator)."
            : "Run this installer as root (sudo), or pass --install-dir DIR --no-service to install without a service.", ExitCodes.NotElevated);
    }

    /// <summary>The configuration the server appended to this very executable, if any.</summary>
    private static InstallerConfig? ReadOwnOverlay()
    {
        var path = Environment.ProcessPath;
        if (path is null) return null;
        try { return InstallerOverlay.TryRead(path); }
        catch (IOException) { return null; }
    }

    private static int Fail(string message, int exitCode)
    {
        Console.Error.WriteLine("Pocket IT setup: " + message);
        return exitCode;
    }
}
