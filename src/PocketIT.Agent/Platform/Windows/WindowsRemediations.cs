using System.Diagnostics;
using System.Runtime.Versioning;
using System.Text;

namespace PocketIT.Agent.Platform.Windows;

/// <summary>The Windows remediations, with the usual built-in commands.</summary>
[SupportedOSPlatform("windows")]
public static class WindowsRemediations
{
    private static readonly TimeSpan Short = TimeSpan.FromMinutes(2);

    private static string SystemTool(string exe) => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.System), exe);

    public static async Task<ActionOutcome> FlushDnsAsync(CancellationToken ct)
    {
        var run = await CommandRunner.RunAsync(SystemTool("ipconfig.exe"), ["/flushdns"], Short, ct);
        return run.Succeeded ? new ActionOutcome(true, "Flushed the DNS resolver cache") : new ActionOutcome(false, run.Failure("ipconfig /flushdns"));
    }

    public static async Task<ActionOutcome> RepairNetworkAsync(CancellationToken ct)
    {
        var steps = new (string Exe, string[] Args)[]
        {
            ("netsh.exe", ["winsock", "reset"]),
            ("netsh.exe", ["int", "ip", "reset"]),
            ("ipconfig.exe", ["/flushdns"]),
            ("ipconfig.exe", ["/renew"]),
        };
        var done = new List<string>();
        foreach (var (exe, args) in steps)
        {
            var run = await CommandRunner.RunAsync(SystemTool(exe), args, Short, ct);
            var name = $"{Path.GetFileNameWithoutExtension(exe)} {string.Join(' ', args)}";
            // ipconfig /renew fails on adapters without DHCP; that is not a failed repair.
            if (!run.Succeeded && exe != "ipconfig.exe") return new ActionOutcome(false, $"{run.Failure(name)} (completed: {string.Join(", ", done)})");
            done.Add(name);
        }
        return new ActionOutcome(true, $"Reset Winsock and the TCP/IP stack, flushed DNS and renewed addresses ({string.Join(", ", done)}). A restart completes the Winsock reset");
    }

    public static async Task<ActionOutcome> ResetAdaptersAsync(CancellationToken ct)
    {
        const string script = "$a = @(Get-NetAdapter -Physical | Where-Object Status -eq 'Up'); $a | Restart-NetAdapter -Confirm:$false; ($a | ForEach-Object Name) -join ', '";
        var run = await PowerShell.RunAsync(script, ct, timeout: Short);
        return run.Succeeded ? new ActionOutcome(true, $"Restarted network adapters: {run.StdOut.Trim()}") : new ActionOutcome(false, run.Failure("Restart-NetAdapter"));
    }

    public static async Task<ActionOutcome> RestartExplorerAsync(CancellationToken ct)
    {
        var explorers = Process.GetProcessesByName("explorer");
        if (explorers.Length == 0) return new ActionOutcome(false, "Windows Explorer is not running");
        foreach (var explorer in explorers)
            using (explorer)
                try { explorer.Kill(); } catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception) { }
        // Winlogon restarts the shell by itself (AutoRestartShell); starting it from a service would put it in the wrong session.
        await Task.Delay(TimeSpan.FromSeconds(4), ct);
        var back = Process.GetProcessesByName("explorer");
        foreach (var p in back) p.Dispose();
        return back.Length > 0 ? new ActionOutcome(true, "Restarted Windows Explorer")
            : new ActionOutcome(false, "Ended Windows Explorer, but it has not come back yet; sign out and in, or start explorer.exe");
    }

    public static async Task<ActionOutcome> SfcAsync(CancellationToken ct)
    {
        // sfc writes UTF-16 and takes a long time.
        var run = await CommandRunner.RunAsync(SystemTool("sfc.exe"), ["/scannow"], TimeSpan.FromMinutes(60), ct, outputEncoding: Encoding.Unicode);
        var summary = CommandResult.Trim(LastLines(run.StdOut, 3));
        return run.Succeeded ? new ActionOutcome(true, $"System File Checker finished: {summary}") : new ActionOutcome(false, run.Failure("sfc /scannow") + (summary.Length > 0 ? $" — {summary}" : ""));
    }

    public static async Task<ActionOutcome> DismAsync(CancellationToken ct)
    {
        var run = await CommandRunner.RunAsync(SystemTool("dism.exe"), ["/Online", "/Cleanup-Image", "/RestoreHealth"], TimeSpan.FromMinutes(90), ct);
        return run.Succeeded ? new ActionOutcome(true, $"DISM repair finished: {CommandResult.Trim(LastLines(run.StdOut, 2))}")
            : new ActionOutcome(false, run.Failure("DISM /RestoreHealth"));
    }

    /// <summary>Stops Windows Update and BITS, empties SoftwareDistribution\Download, and starts them again.</summary>
    public static async Task<ActionOutcome> ClearUpdateCacheAsync(CancellationToken ct)
    {
        foreach (var service in new[] { "wuauserv", "bits" })
        {
            var (ok, message) = await WindowsServices.ControlAsync(service, "stop", ct);
            if (!ok) return new ActionOutcome(false, message);
        }
        var download = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.Windows), "SoftwareDistribution", "Download");
        CleanupReport report;
        try { report = TempCleaner.Clean(download, TimeSpan.Zero, ct); }
        finally
        {
            foreach (var service in new[] { "bits", "wuauserv" }) await WindowsServices.ControlAsync(service, "start", CancellationToken.None);
        }
        return new ActionOutcome(true, $"Cleared the Windows Update download cache: {report.Describe()}");
    }

    private static string LastLines(string text, int count) =>
        string.Join(" ", text.Replace("\0", "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(count));
}
