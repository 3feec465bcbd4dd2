using System.Text.Json.Nodes;
using PocketIT.Agent.Platform.Linux.Parsing;

namespace PocketIT.Agent.Platform.Linux.Checks;

/// <summary>
/// event_log: the systemd journal's last 24 hours at priority err or worse. Priorities 0–2 (emerg, alert, crit)
/// are the Windows "Critical" level; 3 (err) is "Error".
/// </summary>
public static class LinuxEventLogCheck
{
    private const int MaxEntries = 50;

    public static async Task<DiagnosticOutcome> RunAsync(CancellationToken ct)
    {
        if (Systemd.Journalctl is not { } journalctl)
            return NoJournal("journalctl is not installed");
        var run = await CommandRunner.RunAsync(journalctl,
            ["--since=-24h", "--priority=0..3", "--output=json", "--no-pager", "--quiet", "--lines=2000"], Systemd.CommandTimeout, ct);
        if (!run.Succeeded) return NoJournal(run.Failure("journalctl"));
        var entries = JournalEntries.Parse(run.StdOut);
        if (entries.Count == 0 && !Systemd.IsRunning)
            return NoJournal("systemd is not running here (e.g. a container), so the journal records nothing");
        return Summarize(entries);
    }

    public static DiagnosticOutcome Summarize(IReadOnlyList<JournalEntries.Entry> entries)
    {
        var criticals = entries.Count(e => e.Priority <= 2);
        var errors = entries.Count(e => e.Priority == 3);
        var shown = entries.OrderBy(e => e.Priority <= 2 ? 0 : 1).ThenByDescending(e => e.Time).Take(MaxEntries);
        var results = new JsonObject
        {
            ["entries"] = new JsonArray(shown.Select(ToJson).ToArray()),
            ["criticals"] = criticals,
            ["errors"] = errors,
            ["source"] = "systemd journal, last 24 h",
        };
        return new DiagnosticOutcome(Thresholds.EventLog(criticals, errors), results, "Event Log", $"{criticals} critical, {errors} errors");
    }

    public static JsonNode ToJson(JournalEntries.Entry e) => new JsonObject
    {
        ["time"] = e.Time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
        ["level"] = JournalEntries.Level(e.Priority),
        ["source"] = e.Source,
        ["message"] = e.Message,
    };

    private static DiagnosticOutcome NoJournal(string note) => new(Thresholds.Ok,
        new JsonObject { ["entries"] = new JsonArray(), ["criticals"] = 0, ["errors"] = 0, ["note"] = note }, "Event Log", "n/a");
}
