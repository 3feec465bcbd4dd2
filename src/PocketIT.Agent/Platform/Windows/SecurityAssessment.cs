using System.Text.Json.Nodes;

namespace PocketIT.Agent.Platform.Windows;

/// <summary>What the security check could learn; null means "could not be read" and is not judged.</summary>
public sealed record SecurityFacts(
    bool? AntivirusEnabled,
    bool? RealTimeProtectionEnabled,
    DateTimeOffset? SignaturesUpdated,
    IReadOnlyDictionary<string, bool> FirewallProfiles,
    bool? BitLockerOn);

/// <summary>
/// Notes §7 security rules: BitLocker or Defender off → an issue (error); signatures older than 7 days or a
/// firewall profile off → a warning. Pure, so it is tested on any OS.
/// </summary>
public static class SecurityAssessment
{
    public static DiagnosticOutcome Judge(SecurityFacts facts, DateTimeOffset now)
    {
        var issues = new JsonArray();
        var warnings = new JsonArray();
        var unknown = new JsonArray();
        if (facts.BitLockerOn == false) issues.Add("BitLocker is off on the system drive");
        if (facts.BitLockerOn is null) unknown.Add("BitLocker status");
        if (facts.AntivirusEnabled == false || facts.RealTimeProtectionEnabled == false) issues.Add("Microsoft Defender protection is off");
        if (facts.AntivirusEnabled is null) unknown.Add("Defender status");
        if (facts.SignaturesUpdated is { } updated && (now - updated).TotalDays > 7)
            warnings.Add($"Defender signatures are {(int)(now - updated).TotalDays} days old");
        foreach (var (profile, enabled) in facts.FirewallProfiles)
            if (!enabled) warnings.Add($"Windows Firewall {profile} profile is off");
        if (facts.FirewallProfiles.Count == 0) unknown.Add("Firewall profiles");

        var results = new JsonObject { ["issues"] = issues, ["warnings"] = warnings };
        if (unknown.Count > 0) results["notChecked"] = unknown;
        return new DiagnosticOutcome(Thresholds.Security(issues.Count, warnings.Count), results, "Security",
            $"{issues.Count} issues, {warnings.Count} warnings");
    }
}
