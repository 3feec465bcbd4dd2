namespace PocketIT.Agent.Platform.Linux;

/// <summary>Access to systemctl/journalctl, and whether systemd actually manages this machine (not so in most containers).</summary>
public static class Systemd
{
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(20);

    /// <summary>The same test as sd_booted(3): systemd creates this directory when it is PID 1.</summary>
    public static bool IsRunning => Directory.Exists("/run/systemd/system");

    public static string? Systemctl => CommandRunner.Find("systemctl");

    public static string? Journalctl => CommandRunner.Find("journalctl");

    public static async Task<CommandResult> SystemctlAsync(IEnumerable<string> arguments, CancellationToken ct) =>
        Systemctl is { } path
            ? await CommandRunner.RunAsync(path, arguments, CommandTimeout, ct)
            : new CommandResult(false, -1, "", "systemctl is not installed", false);

    /// <summary>Whether a unit file is known to systemd (so a restart has something to act on).</summary>
    public static async Task<bool> UnitExistsAsync(string unit, CancellationToken ct)
    {
        var show = await SystemctlAsync(["show", "--property=LoadState", "--value", "--", unit], ct);
        return show.Succeeded && show.StdOut.Trim() == "loaded";
    }

    public static async Task<bool> IsActiveAsync(string unit, CancellationToken ct) =>
        (await SystemctlAsync(["is-active", "--quiet", "--", unit], ct)).Succeeded;
}
