using System.Text.Json;
using System.Text.RegularExpressions;
using PocketIT.Protocol;

namespace PocketIT.Server.PocketIt.Realtime;

/// <summary>Notes §6: the system tools a technician may run on a device, with their parameters checked here.</summary>
public static partial class SystemToolRules
{
    public static readonly string[] Tools = DeviceActions.SystemTools;
    private static readonly string[] ServiceFilters = ["all", "running", "stopped"];
    private static readonly string[] ServiceActions = ["start", "stop", "restart"];
    private static readonly string[] LogNames = ["System", "Application", "Security", "Setup"];
    private static readonly string[] Protected = DeviceActions.ProtectedServices;

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,256}$")] private static partial Regex ServiceName();

    /// <summary>The parameters to forward (only the known ones), or an error.</summary>
    public static (Dictionary<string, object?>? Params, string? Error) Validate(string? tool, JsonElement parameters)
    {
        var p = new Payload(parameters);
        if (parameters.ValueKind is not (JsonValueKind.Object or JsonValueKind.Undefined or JsonValueKind.Null))
            return (null, "params must be an object");
        switch (tool)
        {
            case "process_list":
                return (new(), null);
            case "process_kill":
                return p.Integer("pid") is long pid and > 0 and <= int.MaxValue
                    ? (new() { ["pid"] = pid }, null)
                    : (null, "process_kill needs a positive integer pid");
            case "service_list":
                var filter = p.Get("filter").ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? "all" : p.String("filter", 16);
                return filter is not null && ServiceFilters.Contains(filter)
                    ? (new() { ["filter"] = filter }, null)
                    : (null, "filter must be all, running or stopped");
            case "service_action":
                var name = p.String("serviceName", 256);
                var action = p.String("action", 16);
                if (name is null || !ServiceName().IsMatch(name)) return (null, "serviceName must be 1-256 characters of letters, digits, _ . -");
                if (action is null || !ServiceActions.Contains(action)) return (null, "action must be start, stop or restart");
                if (action != "start" && Protected.Contains(name.ToLowerInvariant())) return (null, $"{name} is a protected service");
                return (new() { ["serviceName"] = name, ["action"] = action }, null);
            case "event_log_query":
                var log = p.Get("logName").ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? "System" : p.String("logName", 32);
                return log is not null && LogNames.Contains(log)
                    ? (new() { ["logName"] = log }, null)
                    : (null, "logName must be System, Application, Security or Setup");
            default:
                return (null, "unknown tool");
        }
    }
}
