using System.Runtime.Versioning;
using System.Text.Json;

namespace PocketIT.Agent.Platform.Windows;

/// <summary>security: Defender (Get-MpComputerStatus), firewall profiles (Get-NetFirewallProfile), BitLocker on the system drive.</summary>
[SupportedOSPlatform("windows")]
public static class WindowsSecurityCheck
{
    // Each part is tried on its own so one missing cmdlet (e.g. BitLocker on Home editions) does not hide the others.
    private const string Script = """
        $r = [ordered]@{}
        try { $m = Get-MpComputerStatus; $r.av = [bool]$m.AntivirusEnabled; $r.rtp = [bool]$m.RealTimeProtectionEnabled; $r.sig = $m.AntivirusSignatureLastUpdated.ToUniversalTime().ToString('o') } catch { }
        try { $r.fw = @(Get-NetFirewallProfile | ForEach-Object { [ordered]@{ name = [string]$_.Name; enabled = ($_.Enabled -eq $true -or [string]$_.Enabled -eq 'True') } }) } catch { }
        try { $b = Get-BitLockerVolume -MountPoint $env:SystemDrive; $r.bl = ([string]$b.ProtectionStatus -eq 'On') } catch { }
        $r | ConvertTo-Json -Depth 4 -Compress
        """;

    public static async Task<DiagnosticOutcome> RunAsync(CancellationToken ct)
    {
        var (items, error) = await PowerShell.JsonListAsync(Script, ct);
        var facts = items?.FirstOrDefault() is { ValueKind: JsonValueKind.Object } r
            ? new SecurityFacts(WindowsJson.Bool(r, "av"), WindowsJson.Bool(r, "rtp"), WindowsJson.Date(r, "sig"), Firewall(r), WindowsJson.Bool(r, "bl"))
            : new SecurityFacts(null, null, null, new Dictionary<string, bool>(), null);
        var outcome = SecurityAssessment.Judge(facts, DateTimeOffset.UtcNow);
        if (error is not null) outcome.Results["error"] = error;
        return outcome;
    }

    private static Dictionary<string, bool> Firewall(JsonElement r) =>
        r.TryGetProperty("fw", out var fw) && fw.ValueKind == JsonValueKind.Array
            ? fw.EnumerateArray().Where(p => WindowsJson.String(p, "name") is not null)
                .GroupBy(p => WindowsJson.String(p, "name")!).ToDictionary(g => g.Key, g => WindowsJson.Bool(g.First(), "enabled") ?? false)
            : [];
}
