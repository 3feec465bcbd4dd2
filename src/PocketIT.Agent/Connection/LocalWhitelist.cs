using System.Globalization;
using System.Text.Json;
using PocketIT.Protocol;

namespace PocketIT.Agent.Connection;

/// <summary>
/// The agent's own check of what the server asks for, made regardless of what the server already checked:
/// a compromised or buggy server must not get more than the shared whitelists allow.
/// </summary>
public static class LocalWhitelist
{
    /// <summary>Null when the remediation may be offered to the user; otherwise why it is refused.</summary>
    public static string? RefuseRemediation(string? actionId, string? parameter)
    {
        if (actionId is null || !DeviceActions.RemediationActions.Contains(actionId))
            return $"'{actionId}' is not in this device's list of allowed fixes";
        return actionId switch
        {
            "restart_service" when !IsRestartable(parameter) =>
                $"the service '{parameter}' may not be restarted from here (allowed: {string.Join(", ", DeviceActions.RestartableServices)})",
            "kill_process" when Pid(parameter) is null => "kill_process needs a positive process id",
            "kill_process" when Pid(parameter) == Environment.ProcessId => "the agent will not end its own process",
            _ => null,
        };
    }

    /// <summary>The parameter the platform gets: the service name or PID where the action takes one, else null.</summary>
    public static string? ParameterFor(string actionId, string? parameter) => actionId switch
    {
        "restart_service" => parameter!.Trim().ToLowerInvariant(),
        "kill_process" => Pid(parameter)!.Value.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>Null when the system tool may run; otherwise why it is refused.</summary>
    public static string? RefuseTool(string? tool, JsonElement parameters)
    {
        if (tool is null || !DeviceActions.SystemTools.Contains(tool)) return $"'{tool}' is not an allowed system tool";
        if (parameters.ValueKind is not (JsonValueKind.Object or JsonValueKind.Undefined or JsonValueKind.Null)) return "params must be an object";
        switch (tool)
        {
            case "process_kill":
                return parameters.ValueKind == JsonValueKind.Object && parameters.TryGetProperty("pid", out var pid)
                    && pid.ValueKind == JsonValueKind.Number && pid.TryGetInt32(out var n) && n > 0 && n != Environment.ProcessId
                        ? null : "process_kill needs a positive integer pid (not the agent's own)";
            case "service_action":
                var name = String(parameters, "serviceName");
                var action = String(parameters, "action");
                if (string.IsNullOrWhiteSpace(name)) return "service_action needs a serviceName";
                if (action is not ("start" or "stop" or "restart")) return "action must be start, stop or restart";
                return action != "start" && DeviceActions.ProtectedServices.Contains(name.ToLowerInvariant())
                    ? $"{name} is a protected service" : null;
            default:
                return null;
        }
    }

    private static bool IsRestartable(string? service) =>
        service is not null && DeviceActions.RestartableServices.Contains(service.Trim().ToLowerInvariant())
        && !DeviceActions.ProtectedServices.Contains(service.Trim().ToLowerInvariant());

    private static int? Pid(string? value) =>
        int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0 ? pid : null;

    private static string? String(JsonElement parameters, string name) =>
        parameters.ValueKind == JsonValueKind.Object && parameters.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
