using System.Text.Json;
using System.Text.RegularExpressions;

namespace PocketIT.Agent.Platform;

/// <summary>
/// Reads system-tool parameters defensively. The server has checked them already (notes §6), but the agent
/// re-checks anything that reaches a command line, because it is the last line of defence on the machine.
/// </summary>
public static partial class ToolParameters
{
    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.@-]{0,255}$")] private static partial Regex ServiceNameShape();

    public static string? String(JsonElement parameters, string name) =>
        parameters.ValueKind == JsonValueKind.Object && parameters.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static int? Int(JsonElement parameters, string name)
    {
        if (parameters.ValueKind != JsonValueKind.Object || !parameters.TryGetProperty(name, out var value)) return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)) return number;
        if (value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), out var parsed)) return parsed;
        return null;
    }

    /// <summary>A service name that cannot be mistaken for an option (no leading dash) or a path; 1–256 characters.</summary>
    public static bool IsServiceName(string? name) => name is not null && ServiceNameShape().IsMatch(name);

    /// <summary>Whether a stop or restart of this service must be refused (notes §6), whatever its case or unit suffix.</summary>
    public static bool IsProtected(string serviceName, IEnumerable<string>? extra = null)
    {
        var bare = serviceName.EndsWith(".service", StringComparison.OrdinalIgnoreCase) ? serviceName[..^".service".Length] : serviceName;
        return Protocol.DeviceActions.ProtectedServices.Concat(extra ?? []).Contains(bare, StringComparer.OrdinalIgnoreCase);
    }
}
