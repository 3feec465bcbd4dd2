using System.Globalization;
using System.Text.Json;

namespace PocketIT.Agent.Platform.Windows;

/// <summary>Reading PowerShell's ConvertTo-Json output. Pure, so it is tested on any OS.</summary>
public static class WindowsJson
{
    /// <summary>An array's items, a single object as a one-item list, nothing for empty output.</summary>
    public static List<JsonElement> List(string json)
    {
        json = json.Trim();
        if (json.Length == 0) return [];
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.Array
                ? doc.RootElement.EnumerateArray().Select(e => e.Clone()).ToList()
                : [doc.RootElement.Clone()];
        }
        catch (JsonException) { return []; }
    }

    public static string? String(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.ToString() : null;

    public static bool? Bool(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var v)
            ? v.ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => null }
            : null;

    public static DateTimeOffset? Date(JsonElement item, string name) =>
        String(item, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when)
            ? when : null;

    /// <summary>Win32_QuickFixEngineering.InstalledOn is "M/d/yyyy" on most systems, sometimes a hex FILETIME.</summary>
    public static DateTime? HotfixDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateTime.TryParseExact(text, ["M/d/yyyy", "MM/dd/yyyy", "yyyyMMdd", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        if (long.TryParse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var fileTime) && fileTime > 0)
        {
            try { return DateTime.FromFileTimeUtc(fileTime).ToLocalTime(); } catch (ArgumentOutOfRangeException) { }
        }
        return null;
    }

    /// <summary>Windows levels: 1 Critical, 2 Error, 3 Warning, 4/0 Information.</summary>
    public static LogEntry EventEntry(JsonElement item) => new(
        Date(item, "time"),
        String(item, "level") switch { "1" => "Critical", "2" => "Error", "3" => "Warning", _ => "Information" },
        String(item, "source") ?? "unknown",
        String(item, "message") ?? "");
}
