using System.Runtime.Versioning;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PocketIT.Agent.Platform.Windows;

/// <summary>Service control through fixed PowerShell (the service name travels as data in PKIT_SERVICE), and the service_list tool via WMI.</summary>
[SupportedOSPlatform("windows")]
public static class WindowsServices
{
    private const string Start = "Start-Service -Name $env:PKIT_SERVICE; (Get-Service -Name $env:PKIT_SERVICE).Status.ToString()";
    private const string Stop = "Stop-Service -Name $env:PKIT_SERVICE -Force; (Get-Service -Name $env:PKIT_SERVICE).Status.ToString()";
    private const string Restart = "Restart-Service -Name $env:PKIT_SERVICE -Force; (Get-Service -Name $env:PKIT_SERVICE).Status.ToString()";

    public static async Task<(bool Ok, string Message)> ControlAsync(string serviceName, string action, CancellationToken ct)
    {
        var script = action switch { "start" => Start, "stop" => Stop, "restart" => Restart, _ => throw new ArgumentOutOfRangeException(nameof(action)) };
        var run = await PowerShell.RunAsync(script, ct, new Dictionary<string, string> { ["PKIT_SERVICE"] = serviceName }, TimeSpan.FromMinutes(2));
        return run.Succeeded ? (true, run.StdOut.Trim()) : (false, run.Failure($"{action} {serviceName}"));
    }

    public static async Task<ActionOutcome> RestartAsync(string serviceName, CancellationToken ct)
    {
        var (ok, message) = await ControlAsync(serviceName, "restart", ct);
        return new ActionOutcome(ok, ok ? $"Restarted {serviceName} (now {message})" : message);
    }

    public static ToolOutcome List(JsonElement parameters)
    {
        var filter = (ToolParameters.String(parameters, "filter") ?? "all").ToLowerInvariant();
        if (filter is not ("all" or "running" or "stopped")) return new ToolOutcome(false, null, "filter must be all, running or stopped");
        var rows = Wmi.Query("SELECT Name, DisplayName, State, StartMode FROM Win32_Service")
            .Where(s => filter == "all" || (filter == "running" ? s.Text("State") == "Running" : s.Text("State") == "Stopped"))
            .OrderBy(s => s.Text("Name"), StringComparer.OrdinalIgnoreCase)
            .Take(1000)
            .Select(s => (JsonNode)new JsonObject
            {
                ["name"] = s.Text("Name"),
                ["displayName"] = s.Text("DisplayName"),
                ["status"] = s.Text("State"),
                ["startType"] = s.Text("StartMode"),
            });
        return new ToolOutcome(true, new JsonArray(rows.ToArray()), null);
    }

    public static async Task<ToolOutcome> ActionAsync(JsonElement parameters, CancellationToken ct)
    {
        var name = ToolParameters.String(parameters, "serviceName");
        var action = ToolParameters.String(parameters, "action")?.ToLowerInvariant();
        if (!ToolParameters.IsServiceName(name)) return new ToolOutcome(false, null, "serviceName must be 1–256 characters of letters, digits, _ . - and may not start with '-'");
        if (action is not ("start" or "stop" or "restart")) return new ToolOutcome(false, null, "action must be start, stop or restart");
        if (action != "start" && ToolParameters.IsProtected(name!))
            return new ToolOutcome(false, null, $"{name} is a protected security service and cannot be stopped or restarted remotely");
        var (ok, message) = await ControlAsync(name!, action, ct);
        return ok ? new ToolOutcome(true, new JsonObject { ["serviceName"] = name, ["action"] = action, ["status"] = message }, null)
            : new ToolOutcome(false, null, message);
    }
}
