namespace PocketIT.Server.Assistant;

/// <summary>What the assistant may ask a device to do (notes §8.2, §8.4); the agent shares these lists.</summary>
public static class AssistantRules
{
    public static readonly string[] CheckTypes =
        ["cpu", "memory", "disk", "network", "top_processes", "event_log", "windows_update", "installed_software", "services", "all"];

    public static readonly string[] RemediationActions =
    [
        "flush_dns", "clear_temp", "restart_spooler", "repair_network", "clear_browser_cache", "kill_process",
        "restart_service", "restart_explorer", "sfc_scan", "dism_repair", "clear_update_cache", "reset_network_adapter",
    ];

    public static readonly string[] RestartableServices =
    [
        "spooler", "wuauserv", "bits", "dnscache", "w32time", "winmgmt", "themes", "audiosrv", "wsearch",
        "tabletinputservice", "sysmain", "diagtrack",
    ];

    /// <summary>How long a PID from <c>top_processes</c> may be used by <c>kill_process</c>.</summary>
    public static readonly TimeSpan PidFreshness = TimeSpan.FromMinutes(10);

    public static bool IsCheckType(string? value) => value is not null && CheckTypes.Contains(value.ToLowerInvariant());
}
