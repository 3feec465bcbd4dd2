namespace PocketIT.Protocol;

/// <summary>
/// What the server may ask a device to do, shared by server and agent so the two lists cannot drift apart
/// (notes §15: the original's restart-service lists differed, 9 vs 12).
/// </summary>
public static class DeviceActions
{
    /// <summary>Diagnostic checks (notes §7); <c>all</c> runs every check.</summary>
    public static readonly string[] CheckTypes =
    [
        "cpu", "memory", "disk", "network", "top_processes", "event_log", "windows_update", "installed_software",
        "services", "security", "battery", "all",
    ];

    public static readonly string[] RemediationActions =
    [
        "flush_dns", "clear_temp", "restart_spooler", "repair_network", "clear_browser_cache", "kill_process",
        "restart_service", "restart_explorer", "sfc_scan", "dism_repair", "clear_update_cache", "reset_network_adapter",
    ];

    /// <summary>Harmless remediations a policy may pre-approve (notes §7: the only ones the original auto-approved).</summary>
    public static readonly string[] HarmlessRemediations = ["flush_dns", "clear_temp", "clear_browser_cache"];

    public static readonly string[] RestartableServices =
    [
        "spooler", "wuauserv", "bits", "dnscache", "w32time", "winmgmt", "themes", "audiosrv", "wsearch",
        "tabletinputservice", "sysmain", "diagtrack",
    ];

    /// <summary>System tools a technician may run (notes §6).</summary>
    public static readonly string[] SystemTools = ["process_list", "process_kill", "service_list", "service_action", "event_log_query"];

    /// <summary>Security services that must not be stopped remotely.</summary>
    public static readonly string[] ProtectedServices = ["windefend", "sense", "sysmon", "sysmon64", "eventlog", "mpssvc", "wscsvc"];
}
