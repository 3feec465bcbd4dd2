using System.Text.Json;
using System.Text.Json.Nodes;
using PocketIT.Agent.Platform.Linux.Checks;
using PocketIT.Agent.Platform.Linux.Parsing;
using PocketIT.Agent.Platform.Portable;

namespace PocketIT.Agent.Platform.Linux;

/// <summary>The device platform for Linux: /proc and /sys for measurements, systemd and the package manager for the rest.</summary>
public sealed class LinuxPlatform : PortablePlatform
{
    protected override string OsName => "Linux";

    public override string? MachineId() =>
        LinuxFiles.Value("/etc/machine-id") ?? LinuxFiles.Value("/var/lib/dbus/machine-id");

    public override Task<JsonObject> CollectProfileAsync(CancellationToken ct) => LinuxProfile.CollectAsync(ct);

    protected override IEnumerable<IDiagnosticCheck> CreateChecks()
    {
        var checks = new List<IDiagnosticCheck>
        {
            new DiagnosticCheck("cpu", LinuxCpuCheck.RunAsync),
            new DiagnosticCheck("memory", LinuxMemoryCheck.RunAsync),
            new DiagnosticCheck("disk", _ => Task.FromResult(DiskReport.Build(LinuxDisks.Drives()))),
            new DiagnosticCheck("network", NetworkProbe.RunAsync),
            new DiagnosticCheck("top_processes", ct => ProcessSampler.TopProcessesAsync(ct)),
            new DiagnosticCheck("event_log", LinuxEventLogCheck.RunAsync),
            new DiagnosticCheck("windows_update", LinuxUpdatesCheck.RunAsync),
            new DiagnosticCheck("installed_software", LinuxInstalledSoftwareCheck.RunAsync),
            new DiagnosticCheck("services", LinuxServicesCheck.RunAsync),
            new DiagnosticCheck("security", LinuxSecurityCheck.RunAsync),
        };
        if (LinuxBatteryCheck.Batteries().Count > 0) checks.Add(new DiagnosticCheck("battery", LinuxBatteryCheck.RunAsync));
        return checks;
    }

    protected override Task<ActionOutcome> RemediateKnownAsync(string actionId, string? parameter, CancellationToken ct) => actionId switch
    {
        "flush_dns" => LinuxRemediations.FlushDnsAsync(ct),
        "restart_spooler" => LinuxRemediations.RestartServiceAsync("spooler", ct),
        "restart_service" => LinuxRemediations.RestartServiceAsync(parameter, ct),
        "repair_network" => LinuxRemediations.RepairNetworkAsync(ct),
        "reset_network_adapter" => LinuxRemediations.ResetAdaptersAsync(ct),
        "clear_update_cache" => LinuxRemediations.ClearUpdateCacheAsync(ct),
        "sfc_scan" or "dism_repair" or "restart_explorer" => Task.FromResult(LinuxRemediations.WindowsOnly(actionId)),
        _ => base.RemediateKnownAsync(actionId, parameter, ct),
    };

    /// <summary>The agent's own home, plus (when it runs as root, as a system service does) the homes of the users logged in.</summary>
    protected override IEnumerable<string> UserHomes()
    {
        var homes = base.UserHomes().ToList();
        if (!Environment.IsPrivilegedProcess) return homes;
        var passwd = LinuxFiles.Read("/etc/passwd") ?? "";
        var users = LinuxProfile.LoggedInUserNamesAsync(CancellationToken.None).GetAwaiter().GetResult();
        homes.AddRange(users.Select(u => KeyValueFiles.HomeOf(passwd, u)).OfType<string>().Where(h => h.StartsWith("/home/", StringComparison.Ordinal)));
        return homes;
    }

    protected override Task<ToolOutcome> RunKnownToolAsync(string tool, JsonElement parameters, CancellationToken ct) => tool switch
    {
        "service_list" => LinuxSystemTools.ServiceListAsync(parameters, ct),
        "service_action" => LinuxSystemTools.ServiceActionAsync(parameters, ct),
        "event_log_query" => LinuxSystemTools.EventLogQueryAsync(parameters, ct),
        _ => base.RunKnownToolAsync(tool, parameters, ct),
    };

    public override Task<Screenshot?> CaptureScreenshotAsync(CancellationToken ct) => LinuxScreenshot.CaptureAsync(ct);
}
