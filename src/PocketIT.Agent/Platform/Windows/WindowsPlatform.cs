using System.Runtime.Versioning;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Win32;
using PocketIT.Agent.Platform.Portable;
using PocketIT.Protocol;

namespace PocketIT.Agent.Platform.Windows;

/// <summary>
/// The device platform for Windows: WMI, the registry, PowerShell with fixed scripts and the built-in tools.
/// Compiled on every OS but only runnable on Windows.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class WindowsPlatform : PortablePlatform
{
    protected override string OsName => "Windows";

    public override string? MachineId()
    {
        using var root = RegistryKey.OpenBaseKey(RegistryHive.LocalMachine, RegistryView.Registry64);
        using var key = root.OpenSubKey(@"SOFTWARE\Microsoft\Cryptography");
        return key?.GetValue("MachineGuid") as string;
    }

    public override Task<JsonObject> CollectProfileAsync(CancellationToken ct) => WindowsProfile.CollectAsync(ct);

    protected override IEnumerable<IDiagnosticCheck> CreateChecks()
    {
        var checks = base.CreateChecks().Where(c => c.CheckType is "disk" or "network" or "top_processes").ToList();
        checks.AddRange(
        [
            new DiagnosticCheck("cpu", WindowsChecks.CpuAsync),
            new DiagnosticCheck("memory", _ => Task.FromResult(WindowsChecks.Memory())),
            new DiagnosticCheck("event_log", WindowsEventLog.CheckAsync),
            new DiagnosticCheck("windows_update", _ => Task.FromResult(WindowsChecks.Updates())),
            new DiagnosticCheck("installed_software", _ => Task.FromResult(WindowsChecks.InstalledSoftware())),
            new DiagnosticCheck("services", _ => Task.FromResult(WindowsChecks.Services())),
            new DiagnosticCheck("security", WindowsSecurityCheck.RunAsync),
        ]);
        if (WindowsChecks.HasBattery()) checks.Add(new DiagnosticCheck("battery", _ => Task.FromResult(WindowsChecks.Battery())));
        return checks;
    }

    protected override Task<ActionOutcome> RemediateKnownAsync(string actionId, string? parameter, CancellationToken ct) => actionId switch
    {
        "flush_dns" => WindowsRemediations.FlushDnsAsync(ct),
        "restart_spooler" => WindowsServices.RestartAsync("Spooler", ct),
        "restart_service" => RestartWhitelistedAsync(parameter, ct),
        "repair_network" => WindowsRemediations.RepairNetworkAsync(ct),
        "reset_network_adapter" => WindowsRemediations.ResetAdaptersAsync(ct),
        "restart_explorer" => WindowsRemediations.RestartExplorerAsync(ct),
        "sfc_scan" => WindowsRemediations.SfcAsync(ct),
        "dism_repair" => WindowsRemediations.DismAsync(ct),
        "clear_update_cache" => WindowsRemediations.ClearUpdateCacheAsync(ct),
        _ => base.RemediateKnownAsync(actionId, parameter, ct),
    };

    private static Task<ActionOutcome> RestartWhitelistedAsync(string? parameter, CancellationToken ct)
    {
        var name = parameter?.Trim().ToLowerInvariant() ?? "";
        return DeviceActions.RestartableServices.Contains(name)
            ? WindowsServices.RestartAsync(name, ct)
            : Task.FromResult(new ActionOutcome(false, $"'{parameter}' is not a service the agent may restart"));
    }

    /// <summary>Also the system temp folder when running as a service with the rights to clean it.</summary>
    protected override ActionOutcome ClearTemp(CancellationToken ct)
    {
        var own = base.ClearTemp(ct);
        if (!Environment.IsPrivilegedProcess) return own;
        var windowsTemp = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.Windows), "Temp");
        if (string.Equals(Path.GetFullPath(windowsTemp).TrimEnd('\\'), Path.GetFullPath(Path.GetTempPath()).TrimEnd('\\'), StringComparison.OrdinalIgnoreCase))
            return own;
        var report = TempCleaner.Clean(windowsTemp, TempFileAge, ct);
        return new ActionOutcome(true, $"{own.Message}; {windowsTemp}: {report.Describe()}");
    }

    /// <summary>As LocalSystem the agent's own profile has no browser; clean the profiles of the users signed in.</summary>
    protected override IEnumerable<string> UserHomes()
    {
        var homes = base.UserHomes().ToList();
        var usersRoot = Path.GetDirectoryName(Environment.GetFolderPath(Environment.SpecialFolder.CommonDocuments)) is { } publicDir
            ? Path.GetDirectoryName(publicDir) : null;
        if (usersRoot is null) return homes;
        foreach (var user in WindowsProfile.LoggedInUsers(null))
        {
            var bare = user.Contains('\\') ? user[(user.LastIndexOf('\\') + 1)..] : user;
            var home = Path.Combine(usersRoot, bare);
            if (Directory.Exists(home)) homes.Add(home);
        }
        return homes;
    }

    protected override Task<ToolOutcome> RunKnownToolAsync(string tool, JsonElement parameters, CancellationToken ct) => tool switch
    {
        "service_list" => Task.FromResult(WindowsServices.List(parameters)),
        "service_action" => WindowsServices.ActionAsync(parameters, ct),
        "event_log_query" => WindowsEventLog.QueryAsync(parameters, ct),
        _ => base.RunKnownToolAsync(tool, parameters, ct),
    };

    public override Task<Screenshot?> CaptureScreenshotAsync(CancellationToken ct) => WindowsScreenshot.CaptureAsync(ct);
}
