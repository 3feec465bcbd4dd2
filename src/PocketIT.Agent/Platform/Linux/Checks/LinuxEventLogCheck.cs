using PocketIT.Agent.Platform.Linux.Parsing;

namespace PocketIT.Agent.Platform.Linux.Checks;

/// <summary>
/// event_log: the systemd journal's last 24 hours at priority err or worse. Priorities 0–2 (emerg, alert, crit)
/// are the Windows "Critical" level; 3 (err) is "Error".
/// </summary>
public static class LinuxEventLogCheck
{
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

    public static DiagnosticOutcome Summarize(IReadOnlyList<JournalEntries.Entry> entries) =>
        EventLogReport.Build(entries.Select(JournalEntries.ToLogEntry).ToList(), "systemd journal, last 24 h");

    private static DiagnosticOutcome NoJournal(string note) => EventLogReport.Unavailable(note);
}
