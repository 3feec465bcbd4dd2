using System.Text.Json.Nodes;

namespace PocketIT.Agent.Platform;

/// <summary>One event log entry in the shape the dashboard shows, whatever log it came from.</summary>
public sealed record LogEntry(DateTimeOffset? Time, string Level, string Source, string Message)
{
    public bool IsCritical => Level == "Critical";
    public bool IsError => Level == "Error";

    public JsonNode ToJson() => new JsonObject
    {
        ["time"] = Time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
        ["level"] = Level,
        ["source"] = Source,
        ["message"] = Message,
    };
}

/// <summary>The event_log check's outcome (notes §7): criticals make it an error, errors a warning.</summary>
public static class EventLogReport
{
    public const int MaxEntries = 50;

    public static DiagnosticOutcome Build(IReadOnlyList<LogEntry> entries, string source)
    {
        var criticals = entries.Count(e => e.IsCritical);
        var errors = entries.Count(e => e.IsError);
        var shown = entries.OrderBy(e => e.IsCritical ? 0 : 1).ThenByDescending(e => e.Time).Take(MaxEntries);
        var results = new JsonObject
        {
            ["entries"] = new JsonArray(shown.Select(e => e.ToJson()).ToArray()),
            ["criticals"] = criticals,
            ["errors"] = errors,
            ["source"] = source,
        };
        return new DiagnosticOutcome(Thresholds.EventLog(criticals, errors), results, "Event Log", $"{criticals} critical, {errors} errors");
    }

    public static DiagnosticOutcome Unavailable(string note) => new(Thresholds.Ok,
        new JsonObject { ["entries"] = new JsonArray(), ["criticals"] = 0, ["errors"] = 0, ["note"] = note }, "Event Log", "n/a");
}
