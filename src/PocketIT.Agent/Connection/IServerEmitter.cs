using System.Text.Json;

namespace PocketIT.Agent.Connection;

/// <summary>Sends one event to the server on the current connection (dropped when there is none).</summary>
public interface IServerEmitter
{
    Task EmitAsync(string eventName, object payload, CancellationToken ct);
}

/// <summary>Reads fields of a server payload defensively: wrong types and oversized strings read as absent.</summary>
public static class PayloadFields
{
    public static string? String(JsonElement payload, string name, int max = 2000) =>
        payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            && v.GetString() is { } s && s.Length <= max ? s : null;

    /// <summary>A string or a number as text (the server sends parameters either way).</summary>
    public static string? Scalar(JsonElement payload, string name) =>
        payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty(name, out var v)
            ? v.ValueKind switch { JsonValueKind.String => v.GetString(), JsonValueKind.Number => v.GetRawText(), _ => null }
            : null;

    public static bool Flag(JsonElement payload, string name) =>
        payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    public static JsonElement Element(JsonElement payload, string name) =>
        payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty(name, out var v) ? v : default;
}
