using System.Diagnostics;

namespace PocketIT.Setup;

/// <summary>Makes the agent start by itself: a logon task on Windows, a systemd unit on Linux.</summary>
internal static class AutoStart
{
    public const string WindowsTaskName = "PocketIT Agent";
    public const string SystemdUnitName = "pocketit-agent.service";
    public const string SystemdUnitPath = "/etc/systemd/system/" + SystemdUnitName;

    /// <summary>Stops a running agent before its files are replaced; nothing to stop is fine.</summary>
    public static void StopExisting()
    {
        if (OperatingSystem.IsWindows())
            ProcessRunner.Run("schtasks", ["/End", "/TN", WindowsTaskName], throwOnFailure: false);
        else if (OperatingSystem.IsLinux() && File.Exists(SystemdUnitPath))
            ProcessRunner.Run("systemctl", ["stop", SystemdUnitName], throwOnFailure: false);
    }

    /// <summary>Registers the agent and starts it through the same mechanism.</summary>
    public static void RegisterAndStart(string installDir, bool start)
    {
        var agent = Path.Combine(installDir, RuntimeId.AgentExecutableName);
        if (OperatingSystem.IsWindows())
        {
            // /TR is one argument; the quotes keep a path with spaces (Program Files) whole.
            ProcessRunner.Run("schtasks", ["/Create", "/F", "/TN", WindowsTaskName, "/TR", $"\"{agent}\"", "/SC", "ONLOGON", "/RL", "HIGHEST"]);
            if (start) ProcessRunner.Run("schtasks", ["/Run", "/TN", WindowsTaskName]);
        }
        else if (OperatingSystem.IsLinux())
        {
            File.WriteAllText(SystemdUnitPath, SystemdUnit(installDir, agent));
            ProcessRunner.Run("systemctl", ["daemon-reload"]);
            ProcessRunner.Run("systemctl", start ? ["enable", "--now", SystemdUnitName] : ["enable", SystemdUnitName]);
        }
        else
        {
            throw new SetupException("Auto-start is only supported on Windows and Linux; run again with --no-service.");
        }
    }

    /// <summary>Starts the agent as a detached process (used when no auto-start is registered).</summary>
    public static void StartDetached(string installDir)
    {
        var start = new ProcessStartInfo(Path.Combine(installDir, RuntimeId.AgentExecutableName))
        {
            WorkingDirectory = installDir,
            UseShellExecute = false,
        };
        using var _ = Process.Start(start) ?? throw new SetupException("Cannot start the agent.");
    }

    internal static string SystemdUnit(string installDir, string agent) => $"""
        [Unit]
        Description=Pocket IT agent
        After=network-online.target
        Wants=network-online.target

        [Service]
        Type=simple
        ExecStart="{agent}"
        WorkingDirectory={installDir}
        Restart=always
        RestartSec=10
        # The agent's exit codes for configuration and enrollment refusals: retrying cannot help.
        RestartPreventExitStatus=2 3 4 5 6
        # Where the agent puts the chat socket for the signed-in user; systemd creates and removes it.
        RuntimeDirectory=pocketit-agent

        [Install]
        WantedBy=multi-user.target

        """;
}
