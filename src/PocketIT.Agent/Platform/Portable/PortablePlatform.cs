using System.Text.Json;
using System.Text.Json.Nodes;
using PocketIT.Protocol;

namespace PocketIT.Agent.Platform.Portable;

/// <summary>
/// The device platform built only from .NET's own APIs (processes, drives, network interfaces). It serves any OS
/// without a dedicated implementation, and is the base the OS-specific platforms override piece by piece, so the
/// shared behaviour (whitelist checks, kill_process, temp clean-up, process list) lives in one place.
/// </summary>
public class PortablePlatform : IDevicePlatform
{
    private IReadOnlyDictionary<string, IDiagnosticCheck>? checks;

    protected virtual string OsName => "this operating system";

    public virtual string? MachineId() => null;

    public virtual Task<JsonObject> CollectProfileAsync(CancellationToken ct) => Task.FromResult(PortableProfile.Collect());

    public IReadOnlyDictionary<string, IDiagnosticCheck> Checks => checks ??= DiagnosticCheck.Index(CreateChecks());

    protected virtual IEnumerable<IDiagnosticCheck> CreateChecks() =>
    [
        new DiagnosticCheck("cpu", async ct => UsageReport.Cpu(await ProcessSampler.MachineCpuPercentAsync(TimeSpan.FromSeconds(1), ct), "sum of process CPU time")),
        new DiagnosticCheck("memory", _ => Task.FromResult(PortableMemory())),
        new DiagnosticCheck("disk", _ => Task.FromResult(DiskReport.Build(PortableProfile.FixedDrives()
            .Select(d => new DriveUsage(d.Name, d.TotalSize, d.AvailableFreeSpace)).ToList()))),
        new DiagnosticCheck("network", NetworkProbe.RunAsync),
        new DiagnosticCheck("top_processes", ct => ProcessSampler.TopProcessesAsync(ct)),
    ];

    public async Task<ActionOutcome> RemediateAsync(string actionId, string? parameter, CancellationToken ct)
    {
        if (!DeviceActions.RemediationActions.Contains(actionId))
            return new ActionOutcome(false, $"'{actionId}' is not a remediation the agent carries out");
        try
        {
            return await RemediateKnownAsync(actionId, parameter, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return new ActionOutcome(false, $"{actionId} failed: {e.Message}");
        }
    }

    /// <summary>Carries out one whitelisted remediation; the OS platforms add theirs and defer to this for the shared ones.</summary>
    protected virtual Task<ActionOutcome> RemediateKnownAsync(string actionId, string? parameter, CancellationToken ct) => actionId switch
    {
        "kill_process" => ProcessKiller.KillAsync(parameter, ct),
        "clear_temp" => Task.FromResult(ClearTemp(ct)),
        "clear_browser_cache" => Task.FromResult(ClearBrowserCaches(BrowserCaches.ForHomes(UserHomes()), ct)),
        _ => Task.FromResult(NotAvailable(actionId)),
    };

    protected ActionOutcome NotAvailable(string actionId) => new(false, $"{actionId} is not available on {OsName}");

    /// <summary>Home directories whose browser caches a clean-up covers: the agent's own account.</summary>
    protected virtual IEnumerable<string> UserHomes() => [Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)];

    /// <summary>Temp files untouched for a day; newer ones may belong to running programs.</summary>
    public static readonly TimeSpan TempFileAge = TimeSpan.FromHours(24);

    protected virtual ActionOutcome ClearTemp(CancellationToken ct)
    {
        var temp = Path.GetTempPath();
        var report = TempCleaner.Clean(temp, TempFileAge, ct);
        return new ActionOutcome(true, $"Cleared temporary files older than 24 hours in {temp}: {report.Describe()}");
    }

    protected static ActionOutcome ClearBrowserCaches(IReadOnlyList<string> cacheDirs, CancellationToken ct)
    {
        if (cacheDirs.Count == 0) return new ActionOutcome(true, "No browser cache was found for this user; nothing to clear");
        var report = cacheDirs.Aggregate(CleanupReport.Empty, (sum, dir) => sum + TempCleaner.Clean(dir, TimeSpan.Zero, ct));
        return new ActionOutcome(true, $"Cleared {cacheDirs.Count} browser cache folder(s): {report.Describe()}. Browsers that are open may keep some files until restarted");
    }

    public async Task<ToolOutcome> RunSystemToolAsync(string tool, JsonElement parameters, CancellationToken ct)
    {
        if (!DeviceActions.SystemTools.Contains(tool)) return new ToolOutcome(false, null, $"'{tool}' is not a system tool the agent runs");
        try
        {
            return await RunKnownToolAsync(tool, parameters, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return new ToolOutcome(false, null, $"{tool} failed: {e.Message}");
        }
    }

    /// <summary>The most processes a process list returns, biggest first.</summary>
    public const int MaxListedProcesses = 1000;

    protected virtual async Task<ToolOutcome> RunKnownToolAsync(string tool, JsonElement parameters, CancellationToken ct)
    {
        switch (tool)
        {
            case "process_list":
                var processes = (await ProcessSampler.SampleAsync(TimeSpan.FromMilliseconds(500), ct))
                    .OrderByDescending(p => p.MemoryMB).Take(MaxListedProcesses);
                return new ToolOutcome(true, ProcessSampler.ToJson(processes), null);
            case "process_kill":
                if (ToolParameters.Int(parameters, "pid") is not { } pid) return new ToolOutcome(false, null, "process_kill needs a pid");
                var killed = await ProcessKiller.KillAsync(pid, ct);
                return new ToolOutcome(killed.Success, killed.Success ? new JsonObject { ["pid"] = pid, ["message"] = killed.Message } : null,
                    killed.Success ? null : killed.Message);
            default:
                return new ToolOutcome(false, null, $"{tool} is not available on {OsName}");
        }
    }

    public virtual Task<Screenshot?> CaptureScreenshotAsync(CancellationToken ct) => Task.FromResult<Screenshot?>(null);

    private static DiagnosticOutcome PortableMemory()
    {
        // The GC reports the machine's physical memory and its load as of the last collection.
        GC.Collect(0, GCCollectionMode.Forced, blocking: true);
        var info = GC.GetGCMemoryInfo();
        var total = (double)info.TotalAvailableMemoryBytes;
        return UsageReport.Memory(total, Math.Max(0, total - info.MemoryLoadBytes));
    }
}
