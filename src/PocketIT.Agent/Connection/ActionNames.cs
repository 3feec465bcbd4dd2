namespace PocketIT.Agent.Connection;

/// <summary>Plain-language names for approval questions, so the user knows what they are allowing.</summary>
public static class ActionNames
{
    private static readonly Dictionary<string, string> Remediations = new()
    {
        ["flush_dns"] = "clear the DNS cache",
        ["clear_temp"] = "delete temporary files",
        ["restart_spooler"] = "restart the print spooler (stuck print jobs are cleared)",
        ["repair_network"] = "repair the network settings (the connection drops briefly)",
        ["clear_browser_cache"] = "clear the web browsers' caches",
        ["kill_process"] = "end a running program",
        ["restart_service"] = "restart a system service",
        ["restart_explorer"] = "restart the desktop shell (open folder windows close)",
        ["sfc_scan"] = "scan and repair system files (takes a while)",
        ["dism_repair"] = "repair the system image (takes a while)",
        ["clear_update_cache"] = "clear the system update cache",
        ["reset_network_adapter"] = "reset the network adapter (the connection drops briefly)",
    };

    public static string Remediation(string actionId, string? parameter) =>
        (Remediations.TryGetValue(actionId, out var text) ? text : actionId) + (parameter is null ? "" : $" ({parameter})");

    public static string Diagnostic(string checkType) => checkType == "all" ? "all health checks" : $"the '{checkType}' health check";
}
