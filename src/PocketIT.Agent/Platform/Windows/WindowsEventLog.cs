using System.Runtime.Versioning;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PocketIT.Agent.Platform.Windows;

/// <summary>The event_log check (System and Application, last 24 h, levels Critical and Error) and the event_log_query tool.</summary>
[SupportedOSPlatform("windows")]
public static class WindowsEventLog
{
    // Messages are flattened to one line and cut to 1,000 characters so a chatty provider cannot bloat the result.
    private const string Select = """
        Select-Object -First $max | ForEach-Object {
            $msg = ([string]$_.Message) -replace '\s+', ' '
            if ($msg.Length -gt 1000) { $msg = $msg.Substring(0, 1000) }
            [ordered]@{ time = $_.TimeCreated.ToUniversalTime().ToString('o'); level = [int]$_.Level; source = [string]$_.ProviderName; message = $msg }
        } | ConvertTo-Json -Depth 3 -Compress
        """;

    private const string RecentProblems = "$max = 500\n@(Get-WinEvent -FilterHashtable @{ LogName = 'System','Application'; Level = 1,2; StartTime = (Get-Date).AddDays(-1) } -ErrorAction SilentlyContinue) | " + Select;

    private const string Query = "$max = 100\n@(Get-WinEvent -LogName $env:PKIT_LOG -MaxEvents 100 -ErrorAction SilentlyContinue) | " + Select;

    private static readonly string[] LogNames = ["System", "Application", "Security", "Setup"];

    public static async Task<DiagnosticOutcome> CheckAsync(CancellationToken ct)
    {
        var (items, error) = await PowerShell.JsonListAsync(RecentProblems, ct, timeout: TimeSpan.FromSeconds(90));
        if (items is null) return EventLogReport.Unavailable(error ?? "the event log could not be read");
        return EventLogReport.Build(items.Select(WindowsJson.EventEntry).ToList(), "System and Application logs, last 24 h");
    }

    public static async Task<ToolOutcome> QueryAsync(JsonElement parameters, CancellationToken ct)
    {
        var requested = ToolParameters.String(parameters, "logName") ?? "System";
        var logName = LogNames.FirstOrDefault(n => n.Equals(requested, StringComparison.OrdinalIgnoreCase));
        if (logName is null) return new ToolOutcome(false, null, "logName must be System, Application, Security or Setup");
        var (items, error) = await PowerShell.JsonListAsync(Query, ct, new Dictionary<string, string> { ["PKIT_LOG"] = logName });
        return items is null ? new ToolOutcome(false, null, error)
            : new ToolOutcome(true, new JsonArray(items.Select(i => WindowsJson.EventEntry(i).ToJson()).ToArray()), null);
    }
}
