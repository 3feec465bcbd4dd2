using System.Text.Json.Nodes;
using PocketIT.Agent.Platform.Linux.Parsing;

namespace PocketIT.Agent.Platform.Linux.Checks;

/// <summary>
/// security, the Linux reading: the notes' "a firewall profile off" becomes "no host firewall is active" (ufw,
/// firewalld or an nftables/iptables service, or loaded rules that drop incoming traffic), a warning. Windows' BitLocker/Defender errors have no fair Linux
/// equivalent (most servers run without disk encryption or antivirus by design), so disk encryption is reported
/// as information, not judged.
/// </summary>
public static class LinuxSecurityCheck
{
    private static readonly string[] FirewallUnits = ["ufw", "firewalld", "nftables", "netfilter-persistent", "iptables"];

    public static async Task<DiagnosticOutcome> RunAsync(CancellationToken ct)
    {
        var active = new List<string>();
        if (Systemd.IsRunning)
            foreach (var unit in FirewallUnits)
                if (await Systemd.IsActiveAsync(unit, ct)) active.Add(unit);
        // ufw records its switch in its config even where systemd is absent.
        if (!active.Contains("ufw") && LinuxFiles.Read("/etc/ufw/ufw.conf") is { } ufw
            && ufw.Split('\n').Any(l => l.Trim().Equals("ENABLED=yes", StringComparison.OrdinalIgnoreCase)))
            active.Add("ufw");

        if (active.Count == 0 && await LoadedRulesAsync(ct) is { } rules) active.Add(rules);

        var issues = new JsonArray();
        var warnings = new JsonArray();
        if (active.Count == 0) warnings.Add("No active host firewall found (ufw, firewalld or an nftables/iptables service)");
        var results = new JsonObject
        {
            ["issues"] = issues,
            ["warnings"] = warnings,
            ["firewall"] = active.Count > 0 ? string.Join(", ", active) : "none",
            ["diskEncryption"] = EncryptedBlockDevices() ? "dm-crypt volume present" : "none detected",
        };
        return new DiagnosticOutcome(Thresholds.Security(issues.Count, warnings.Count), results, "Security",
            active.Count > 0 ? "Firewall on" : "Firewall off");
    }

    /// <summary>Rules loaded without a known service (reading them needs root; without it this finds nothing).</summary>
    private static async Task<string?> LoadedRulesAsync(CancellationToken ct)
    {
        if (CommandRunner.Find("nft") is { } nft)
        {
            var run = await CommandRunner.RunAsync(nft, ["list", "ruleset"], TimeSpan.FromSeconds(10), ct);
            if (run.Succeeded && FirewallRules.NftGuardsInput(run.StdOut)) return "nftables rules";
        }
        if (CommandRunner.Find("iptables") is { } iptables)
        {
            var run = await CommandRunner.RunAsync(iptables, ["-S", "INPUT"], TimeSpan.FromSeconds(10), ct);
            if (run.Succeeded && FirewallRules.IptablesGuardsInput(run.StdOut)) return "iptables rules";
        }
        return null;
    }

    /// <summary>Whether any device-mapper volume is a crypt target (LUKS or plain dm-crypt).</summary>
    private static bool EncryptedBlockDevices()
    {
        try
        {
            return Directory.Exists("/sys/block") && Directory.EnumerateDirectories("/sys/block", "dm-*")
                .Any(d => LinuxFiles.Value(Path.Combine(d, "dm", "uuid"))?.StartsWith("CRYPT-", StringComparison.Ordinal) == true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }
}
