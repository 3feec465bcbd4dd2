using System.Diagnostics;
using System.Net.NetworkInformation;
using System.Text.RegularExpressions;

namespace PocketIT.Agent.Platform.Linux;

/// <summary>The Linux side of the remediation whitelist (notes §8.4); shared ones (kill, temp, browser) live in the portable base.</summary>
public static partial class LinuxRemediations
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [GeneratedRegex("^[A-Za-z0-9_.:-]{1,15}$")] private static partial Regex InterfaceName();

    public static async Task<ActionOutcome> FlushDnsAsync(CancellationToken ct)
    {
        var flushed = new List<string>();
        var errors = new List<string>();
        if (Running("systemd-resolved"))
        {
            var tool = CommandRunner.Find("resolvectl") is { } resolvectl ? (resolvectl, "flush-caches")
                : CommandRunner.Find("systemd-resolve") is { } legacy ? (legacy, "--flush-caches") : default;
            if (tool.Item1 is not null)
            {
                var run = await CommandRunner.RunAsync(tool.Item1, [tool.Item2], Timeout, ct);
                if (run.Succeeded) flushed.Add("systemd-resolved"); else errors.Add(run.Failure(Path.GetFileName(tool.Item1)));
            }
        }
        if (Running("nscd") && CommandRunner.Find("nscd") is { } nscd)
        {
            var run = await CommandRunner.RunAsync(nscd, ["--invalidate=hosts"], Timeout, ct);
            if (run.Succeeded) flushed.Add("nscd"); else errors.Add(run.Failure("nscd"));
        }
        if (errors.Count > 0) return new ActionOutcome(false, "Flushing the DNS cache failed: " + string.Join("; ", errors));
        return flushed.Count > 0
            ? new ActionOutcome(true, $"Flushed the DNS cache ({string.Join(", ", flushed)})")
            : new ActionOutcome(true, "No local DNS cache (systemd-resolved or nscd) is running, so there was nothing to flush");
    }

    public static async Task<ActionOutcome> RestartServiceAsync(string? windowsName, CancellationToken ct)
    {
        var name = windowsName?.Trim().ToLowerInvariant() ?? "";
        if (LinuxServiceMap.Candidates(name) is not { } candidates)
            return new ActionOutcome(false, $"'{windowsName}' is not a service the agent may restart");
        if (candidates.Count == 0) return new ActionOutcome(false, $"Restarting {name} is not available on Linux: it has no Linux counterpart");
        if (!Systemd.IsRunning) return new ActionOutcome(false, $"Cannot restart {name}: systemd is not running on this machine");
        foreach (var unit in candidates)
        {
            if (!await Systemd.UnitExistsAsync(unit, ct)) continue;
            var run = await Systemd.SystemctlAsync(["restart", "--", unit], ct);
            return run.Succeeded
                ? new ActionOutcome(true, $"Restarted {unit} (the Linux counterpart of {name})")
                : new ActionOutcome(false, run.Failure($"systemctl restart {unit}"));
        }
        return new ActionOutcome(false, $"None of the Linux services for {name} ({string.Join(", ", candidates)}) is installed");
    }

    /// <summary>repair_network: restart whichever network manager runs here, then flush DNS.</summary>
    public static async Task<ActionOutcome> RepairNetworkAsync(CancellationToken ct)
    {
        if (!Systemd.IsRunning) return new ActionOutcome(false, "Cannot repair the network: systemd is not running, so no network service can be restarted");
        foreach (var unit in new[] { "NetworkManager", "systemd-networkd", "networking" })
        {
            if (!await Systemd.IsActiveAsync(unit, ct)) continue;
            var run = await Systemd.SystemctlAsync(["restart", "--", unit], ct);
            if (!run.Succeeded) return new ActionOutcome(false, run.Failure($"systemctl restart {unit}"));
            var dns = await FlushDnsAsync(ct);
            return new ActionOutcome(dns.Success, $"Restarted {unit}. {dns.Message}");
        }
        return new ActionOutcome(false, "No supported network service (NetworkManager, systemd-networkd, networking) is active");
    }

    /// <summary>reset_network_adapter: take the adapters down and up again through the active network manager.</summary>
    public static async Task<ActionOutcome> ResetAdaptersAsync(CancellationToken ct)
    {
        if (CommandRunner.Find("nmcli") is { } nmcli && Running("NetworkManager"))
        {
            var off = await CommandRunner.RunAsync(nmcli, ["networking", "off"], Timeout, ct);
            if (!off.Succeeded) return new ActionOutcome(false, off.Failure("nmcli networking off"));
            await Task.Delay(TimeSpan.FromSeconds(2), ct);
            var on = await CommandRunner.RunAsync(nmcli, ["networking", "on"], Timeout, ct);
            return on.Succeeded ? new ActionOutcome(true, "Turned networking off and on again with NetworkManager")
                : new ActionOutcome(false, on.Failure("nmcli networking on") + " — networking may be OFF now; run 'nmcli networking on'");
        }
        if (CommandRunner.Find("networkctl") is { } networkctl && Running("systemd-networkd"))
        {
            var links = NetworkInterface.GetAllNetworkInterfaces()
                .Where(n => n.NetworkInterfaceType != NetworkInterfaceType.Loopback && InterfaceName().IsMatch(n.Name)).Select(n => n.Name).ToList();
            if (links.Count == 0) return new ActionOutcome(false, "No network adapter to reset");
            var run = await CommandRunner.RunAsync(networkctl, ["reconfigure", .. links], Timeout, ct);
            return run.Succeeded ? new ActionOutcome(true, $"Reconfigured {string.Join(", ", links)} with systemd-networkd")
                : new ActionOutcome(false, run.Failure("networkctl reconfigure"));
        }
        return new ActionOutcome(false, "Resetting adapters needs NetworkManager (nmcli) or systemd-networkd, and neither is running");
    }

    /// <summary>clear_update_cache: the package manager's downloaded packages (the Windows SoftwareDistribution counterpart).</summary>
    public static async Task<ActionOutcome> ClearUpdateCacheAsync(CancellationToken ct)
    {
        (string Tool, string[] Args, string Cache)? plan =
            CommandRunner.Find("apt-get") is { } apt ? (apt, ["clean"], "/var/cache/apt/archives")
            : CommandRunner.Find("dnf") is { } dnf ? (dnf, ["clean", "packages"], "/var/cache/dnf")
            : CommandRunner.Find("yum") is { } yum ? (yum, ["clean", "packages"], "/var/cache/yum")
            : CommandRunner.Find("zypper") is { } zypper ? (zypper, ["--non-interactive", "clean"], "/var/cache/zypp/packages")
            : null;
        if (plan is not { } p) return new ActionOutcome(false, "No supported package manager (apt, dnf, yum, zypper) was found");
        var before = DirectorySize(p.Cache);
        var run = await CommandRunner.RunAsync(p.Tool, p.Args, TimeSpan.FromMinutes(2), ct);
        if (!run.Succeeded) return new ActionOutcome(false, run.Failure($"{Path.GetFileName(p.Tool)} {string.Join(' ', p.Args)}"));
        var freed = Math.Max(0, before - DirectorySize(p.Cache));
        return new ActionOutcome(true, $"Cleared the package download cache ({Path.GetFileName(p.Tool)}): freed {Units.Mb(freed)} MB");
    }

    public static ActionOutcome WindowsOnly(string actionId) => new(false, actionId switch
    {
        "sfc_scan" => "sfc_scan is Windows-only (System File Checker); Linux has no equivalent system-file repair",
        "dism_repair" => "dism_repair is Windows-only (DISM component store repair)",
        "restart_explorer" => "restart_explorer is Windows-only (it restarts the Windows shell)",
        _ => $"{actionId} is not available on Linux",
    });

    /// <summary>Whether a daemon is running, by process name (works with or without systemd). The kernel keeps only 15 characters of a name.</summary>
    private static bool Running(string processName)
    {
        var shortName = processName.Length > 15 ? processName[..15] : processName;
        var found = false;
        foreach (var p in Process.GetProcesses())
            using (p)
                found |= p.ProcessName == processName || p.ProcessName == shortName;
        return found;
    }

    private static long DirectorySize(string path)
    {
        try
        {
            return Directory.Exists(path)
                ? new DirectoryInfo(path).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }).Sum(f => f.Length)
                : 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return 0; }
    }
}
