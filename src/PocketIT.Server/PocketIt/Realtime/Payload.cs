using System.Text.Json;
using PocketIT.SocketIO;

namespace PocketIT.Server.PocketIt.Realtime;

/// <summary>Reads an event's first argument defensively: clients may send anything, and nothing here may throw.</summary>
public readonly struct Payload(JsonElement root)
{
    public static Payload Of(SocketIOEvent e) => new(e.Count > 0 ? e[0] : default);

    public bool IsObject => root.ValueKind == JsonValueKind.Object;
    public JsonElement Root => root;

    public JsonElement Get(string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) ? value : default;

    /// <summary>The string, or null when absent, not a string, or longer than <paramref name="max"/>.</summary>
    public string? String(string name, int max = 256)
    {
        var value = Get(name);
        if (value.ValueKind != JsonValueKind.String) return null;
        var text = value.GetString()!;
        return text.Length <= max ? text.Replace("\0", "") : null;
    }

    public bool IsString(string name) => Get(name).ValueKind == JsonValueKind.String;

    public bool? Bool(string name) => Get(name).ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    public long? Integer(string name) => Get(name) is { ValueKind: JsonValueKind.Number } v && v.TryGetInt64(out var n) ? n : null;
}
