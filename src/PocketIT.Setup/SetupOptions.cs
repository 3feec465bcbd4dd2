using PocketIT.Protocol;

namespace PocketIT.Setup;

/// <summary>What one run of the bootstrapper does: its embedded overlay, overridden by the command line.</summary>
internal sealed record SetupOptions(
    string? ServerUrl, string? Token, string InstallDir, bool InstallDirIsDefault, bool NoService, bool NoStart, bool Help)
{
    public const string Usage = """
        Usage: PocketIT.Setup [options]
        Installs the Pocket IT agent for the client this installer was downloaded for.

          --server-url URL   server to enroll with (default: embedded in this installer)
          --token TOKEN      enrollment token (default: embedded in this installer)
          --install-dir DIR  where to install (default: %ProgramFiles%\PocketIT or /opt/pocketit)
          --no-service       do not register auto-start (logon task / systemd unit)
          --no-start         do not start the agent after installing
          --help             show this text

        Exit codes: 0 installed, 1 failed, 2 bad usage or no configuration, 3 refused by the server,
        4 needs administrator/root.
        """;

    /// <summary>Parses <paramref name="args"/>; <paramref name="embedded"/> supplies what they leave out.</summary>
    public static SetupOptions Parse(string[] args, InstallerConfig? embedded, out string? error)
    {
        error = null;
        string? serverUrl = embedded?.ServerUrl, token = embedded?.EnrollmentToken, installDir = null;
        bool noService = false, noStart = false, help = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--server-url": serverUrl = Value(args, ref i, ref error); break;
                case "--token": token = Value(args, ref i, ref error); break;
                case "--install-dir": installDir = Value(args, ref i, ref error); break;
                case "--no-service": noService = true; break;
                case "--no-start": noStart = true; break;
                case "--help" or "-h" or "/?": help = true; break;
                default: error ??= $"Unknown option: {args[i]}"; break;
            }
        }
        var isDefault = string.IsNullOrWhiteSpace(installDir);
        var dir = Path.GetFullPath(isDefault ? DefaultInstallDir() : installDir!);
        return new SetupOptions(serverUrl?.Trim().TrimEnd('/'), token?.Trim(), dir, isDefault, noService, noStart, help);
    }

    private static string? Value(string[] args, ref int i, ref string? error)
    {
        if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) return args[++i];
        error ??= $"{args[i]} needs a value";
        return null;
    }

    public static string DefaultInstallDir() => OperatingSystem.IsWindows()
        ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ProgramFiles), "PocketIT")
        : "/opt/pocketit";
}
