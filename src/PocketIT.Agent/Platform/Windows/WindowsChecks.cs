using System.Globalization;
using System.Runtime.Versioning;
using System.Text.Json.Nodes;
using Microsoft.Win32;

namespace PocketIT.Agent.Platform.Windows;

/// <summary>The WMI- and registry-based checks (cpu, memory, services, windows_update, battery, installed_software).</summary>
[SupportedOSPlatform("windows")]
public static class WindowsChecks
{
    public static async Task<DiagnosticOutcome> CpuAsync(CancellationToken ct)
    {
        // LoadPercentage is each processor's load averaged over the last second.
        var loads = Wmi.Query("SELECT LoadPercentage FROM Win32_Processor").Select(p => p.Number("LoadPercentage")).OfType<double>().ToList();
        return loads.Count > 0
            ? UsageReport.Cpu(loads.Average(), "Win32_Processor.LoadPercentage")
            : UsageReport.Cpu(await ProcessSampler.MachineCpuPercentAsync(TimeSpan.FromSeconds(1), ct), "sum of process CPU time");
    }

    public static DiagnosticOutcome Memory()
    {
        var os = Wmi.First("SELECT TotalVisibleMemorySize, FreePhysicalMemory FROM Win32_OperatingSystem");
        if (os.Number("TotalVisibleMemorySize") is not { } totalKb || os.Number("FreePhysicalMemory") is not { } freeKb)
            return new DiagnosticOutcome(Thresholds.Error, new JsonObject { ["error"] = "Win32_OperatingSystem could not be read" }, "Memory Usage");
        return UsageReport.Memory(totalKb * 1024, freeKb * 1024);
    }

    /// <summary>Automatic services that normally stop on their own once their work is done (trigger-started updaters and the like).</summary>
    private static readonly HashSet<string> UsuallyStopped = new(StringComparer.OrdinalIgnoreCase)
    {
        "gupdate", "edgeupdate", "MapsBroker", "sppsvc", "RemoteRegistry", "wuauserv", "BITS", "TrustedInstaller", "WbioSrvc",
        "clr_optimization_v4.0.30319_32", "clr_optimization_v4.0.30319_64", "GoogleUpdaterService", "GoogleUpdaterInternalService",
    };

    public static DiagnosticOutcome Services()
    {
        var stopped = Wmi.Query("SELECT Name, DisplayName, State, DelayedAutoStart FROM Win32_Service WHERE StartMode = 'Auto' AND State <> 'Running'")
            .Where(s => s.GetValueOrDefault("DelayedAutoStart") is not true && !UsuallyStopped.Contains(s.Text("Name") ?? ""))
            .Select(s => (JsonNode)new JsonObject { ["name"] = s.Text("Name"), ["displayName"] = s.Text("DisplayName"), ["state"] = s.Text("State") })
            .ToArray();
        var results = new JsonObject { ["stoppedAutoServices"] = new JsonArray(stopped.Take(50).ToArray()), ["stoppedCount"] = stopped.Length };
        return new DiagnosticOutcome(Thresholds.Services(stopped.Length), results, "Services", $"{stopped.Length} stopped");
    }

    public static DiagnosticOutcome Updates()
    {
        var pendingReboot = KeyExists(@"SOFTWARE\Microsoft\Windows\CurrentVersion\WindowsUpdate\Auto Update\RebootRequired")
                            || KeyExists(@"SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\RebootPending");
        var installed = Wmi.Query("SELECT HotFixID, InstalledOn FROM Win32_QuickFixEngineering")
            .Select(h => WindowsJson.HotfixDate(h.Text("InstalledOn"))).OfType<DateTime>().ToList();
        DateTime? last = installed.Count > 0 ? installed.Max() : null;
        double? days = last is null ? null : Math.Max(0, Math.Floor((DateTime.Now.Date - last.Value.Date).TotalDays));
        var results = new JsonObject
        {
            ["pendingReboot"] = pendingReboot,
            ["daysSinceLastUpdate"] = days,
            ["lastUpdate"] = last?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["installedUpdates"] = installed.Count,
        };
        return new DiagnosticOutcome(Thresholds.Updates(pendingReboot, days), results, "Windows Update",
            pendingReboot ? "Reboot pending" : days is null ? "Unknown" : $"{days} days");
    }

    public static bool HasBattery() => Wmi.Query("SELECT Name FROM Win32_Battery").Count > 0;

    public static DiagnosticOutcome Battery()
    {
        var battery = Wmi.First("SELECT EstimatedChargeRemaining, BatteryStatus FROM Win32_Battery");
        var charge = battery.Number("EstimatedChargeRemaining");
        var full = Wmi.First("SELECT FullChargedCapacity FROM BatteryFullChargedCapacity", @"root\WMI").Number("FullChargedCapacity");
        var design = Wmi.First("SELECT DesignedCapacity FROM BatteryStaticData", @"root\WMI").Number("DesignedCapacity");
        double? health = full is not null && design is > 0 ? Units.Round(Math.Min(100, full.Value / design.Value * 100)) : null;
        var results = new JsonObject
        {
            ["hasBattery"] = battery is not null,
            ["chargePercent"] = charge,
            ["healthPercent"] = health,
            ["charging"] = battery.Number("BatteryStatus") is 2 or 6 or 7 or 8 or 9,
        };
        return new DiagnosticOutcome(Thresholds.Battery(health, charge), results, "Battery", charge is null ? null : $"{charge}%");
    }

    public static DiagnosticOutcome InstalledSoftware()
    {
        var programs = new Dictionary<string, (string Name, string? Version, string? Publisher)>(StringComparer.OrdinalIgnoreCase);
        foreach (var (hive, view) in new[] { (RegistryHive.LocalMachine, RegistryView.Registry64), (RegistryHive.LocalMachine, RegistryView.Registry32), (RegistryHive.CurrentUser, RegistryView.Default) })
        {
            try
            {
                using var root = RegistryKey.OpenBaseKey(hive, view);
                using var uninstall = root.OpenSubKey(@"SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall");
                if (uninstall is null) continue;
                foreach (var name in uninstall.GetSubKeyNames())
                {
                    using var entry = uninstall.OpenSubKey(name);
                    if (entry?.GetValue("DisplayName") is not string display || entry.GetValue("SystemComponent") is 1) continue;
                    programs.TryAdd(display, (display, entry.GetValue("DisplayVersion")?.ToString(), entry.GetValue("Publisher")?.ToString()));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException) { }
        }
        var sorted = programs.Values.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var results = new JsonObject
        {
            ["count"] = sorted.Count,
            ["truncated"] = sorted.Count > 500,
            ["software"] = new JsonArray(sorted.Take(500).Select(p => (JsonNode)new JsonObject
                { ["name"] = p.Name, ["version"] = p.Version, ["publisher"] = p.Publisher }).ToArray()),
        };
        return new DiagnosticOutcome(Thresholds.Ok, results, "Installed Software", $"{sorted.Count} programs");
    }

    private static bool KeyExists(string path)
    {
        using var key = Registry.LocalMachine.OpenSubKey(path);
        return key is not null;
    }
}
