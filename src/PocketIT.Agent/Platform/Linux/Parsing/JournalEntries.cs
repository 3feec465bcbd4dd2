using System.Text;
using System.Text.Json;

namespace PocketIT.Agent.Platform.Linux.Parsing;

/// <summary><c>journalctl -o json</c> output: one JSON object per line; malformed lines are skipped.</summary>
public static class JournalEntries
{
    public sealed record Entry(DateTimeOffset? Time, int Priority, string Source, string Message);

    public const int MaxMessageChars = 1000;

    public static List<Entry> Parse(string jsonLines)
    {
        var entries = new List<Entry>();
        foreach (var line in jsonLines.Split('\n'))
        {
            if (line.Length < 2 || line[0] != '{') continue;
            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                var priority = int.TryParse(Text(root, "PRIORITY"), out var p) ? p : 6;
                DateTimeOffset? time = long.TryParse(Text(root, "__REALTIME_TIMESTAMP"), out var micros)
                    ? DateTimeOffset.FromUnixTimeMilliseconds(micros / 1000) : null;
                var source = Text(root, "SYSLOG_IDENTIFIER") ?? Text(root, "_SYSTEMD_UNIT") ?? Text(root, "_COMM") ?? "unknown";
                var message = Text(root, "MESSAGE") ?? "";
                if (message.Length > MaxMessageChars) message = message[..MaxMessageChars] + "…";
                entries.Add(new Entry(time, priority, source, message));
            }
            catch (JsonException) { }
        }
        return entries;
    }

    /// <summary>Syslog priority as the dashboard's event levels.</summary>
    public static string Level(int priority) => priority switch
    {
        <= 2 => "Critical",
        3 => "Error",
        4 => "Warning",
        _ => "Information",
    };

    public static LogEntry ToLogEntry(Entry e) => new(e.Time, Level(e.Priority), e.Source, e.Message);

    /// <summary>A field's text: journald writes non-UTF-8 values as byte arrays.</summary>
    private static string? Text(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Array when value.EnumerateArray().All(b => b.ValueKind == JsonValueKind.Number) =>
                Encoding.UTF8.GetString(value.EnumerateArray().Select(b => (byte)b.GetInt32()).ToArray()),
            JsonValueKind.Array => value.EnumerateArray().Select(v => v.ToString()).FirstOrDefault(),
            _ => value.ToString(),
        };
    }
}
