namespace PocketIT.Agent.Platform.Linux.Parsing;

/// <summary>
/// Whether loaded packet-filter rules actually guard incoming traffic, for machines whose firewall is not a
/// known service: an input hook/chain that drops or rejects by policy or by rule.
/// </summary>
public static class FirewallRules
{
    /// <summary><c>nft list ruleset</c>: a chain hooked on input whose policy is drop, or which has a drop/reject rule.</summary>
    public static bool NftGuardsInput(string ruleset)
    {
        var inInputChain = false;
        foreach (var raw in ruleset.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("chain ", StringComparison.Ordinal)) { inInputChain = false; continue; }
            if (line.Contains("hook input", StringComparison.Ordinal))
            {
                inInputChain = true;
                if (line.Contains("policy drop", StringComparison.Ordinal)) return true;
                continue;
            }
            if (inInputChain && (line.EndsWith(" drop", StringComparison.Ordinal) || line == "drop" || line.Contains(" reject", StringComparison.Ordinal) || line.StartsWith("reject", StringComparison.Ordinal)))
                return true;
        }
        return false;
    }

    /// <summary><c>iptables -S INPUT</c>: policy DROP, or a rule jumping to DROP or REJECT.</summary>
    public static bool IptablesGuardsInput(string rules) =>
        rules.Split('\n').Select(l => l.Trim()).Any(l =>
            l is "-P INPUT DROP" || (l.StartsWith("-A INPUT", StringComparison.Ordinal) && (l.EndsWith("-j DROP", StringComparison.Ordinal) || l.Contains("-j REJECT", StringComparison.Ordinal))));
}
