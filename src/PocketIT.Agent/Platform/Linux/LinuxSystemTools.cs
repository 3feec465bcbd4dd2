using System.Text.Json;
using System.Text.Json.Nodes;
using PocketIT.Agent.Platform.Linux.Parsing;

namespace PocketIT.Agent.Platform.Linux;

/// <summary>
/// The technician's system tools (notes §6) on Linux, through systemctl and journalctl. Event log names map to
/// journal selections: System = kernel and system services (--system); Application = syslog facilities user and
/// local0–7; Security = facilities auth and authpriv (sshd, sudo, logins); Setup = package-manager history
/// (the dpkg log, else the journal entries of dnf/yum/PackageKit/unattended-upgrades).
/// </summary>
public static class LinuxSystemTools
{
    public const int MaxServices = 1000;
    public const int MaxLogEntries = 100;
    private static readonly string[] LogNames = ["System", "Application", "Security", "Setup"];

    public static async Task<ToolOutcome> ServiceListAsync(JsonElement parameters, CancellationToken ct)
    {
        var filter = (ToolParameters.String(parameters, "filter") ?? "all").ToLowerInvariant();
        if (filter is not ("all" or "running" or "stopped")) return Fail("filter must be all, running or stopped");
        if (!Systemd.IsRunning) return Fail("systemd is not running on this machine, so there are no services to list");
        var units = await Systemd.SystemctlAsync(["list-units", "--type=service", "--all", "--plain", "--no-legend", "--no-pager"], ct);
        if (!units.Succeeded) return Fail(units.Failure("systemctl list-units"));
        var files = await Systemd.SystemctlAsync(["list-unit-files", "--type=service", "--plain", "--no-legend", "--no-pager"], ct);
        var startTypes = files.Succeeded ? SystemctlOutput.ParseUnitFiles(files.StdOut) : new Dictionary<string, string>();

        var rows = SystemctlOutput.ParseUnits(units.StdOut)
            .Select(u => (Unit: u, Status: u.Sub == "running" ? "Running" : u.Active == "failed" ? "Failed" : u.Active == "active" ? "Active" : "Stopped"))
            .Where(r => filter == "all" || (filter == "running" ? r.Status == "Running" : r.Status is "Stopped" or "Failed"))
            .Take(MaxServices)
            .Select(r => (JsonNode)new JsonObject
            {
                ["name"] = r.Unit.Name,
                ["displayName"] = r.Unit.Description,
                ["status"] = r.Status,
                ["startType"] = startTypes.GetValueOrDefault(r.Unit.Name, "unknown"),
            });
        return new ToolOutcome(true, new JsonArray(rows.ToArray()), null);
    }

    public static async Task<ToolOutcome> ServiceActionAsync(JsonElement parameters, CancellationToken ct)
    {
        var name = ToolParameters.String(parameters, "serviceName");
        var action = ToolParameters.String(parameters, "action")?.ToLowerInvariant();
        if (!ToolParameters.IsServiceName(name)) return Fail("serviceName must be 1–256 characters of letters, digits, _ . @ - and may not start with '-'");
        if (action is not ("start" or "stop" or "restart")) return Fail("action must be start, stop or restart");
        if (action != "start" && ToolParameters.IsProtected(name!, LinuxServiceMap.ProtectedUnits))
            return Fail($"{name} is a protected security service and cannot be stopped or restarted remotely");
        if (!Systemd.IsRunning) return Fail("systemd is not running on this machine");
        var run = await Systemd.SystemctlAsync([action, "--", name!], ct);
        if (!run.Succeeded) return Fail(run.Failure($"systemctl {action} {name}"));
        var state = await Systemd.SystemctlAsync(["is-active", "--", name!], ct);
        return new ToolOutcome(true, new JsonObject { ["serviceName"] = name, ["action"] = action, ["status"] = state.StdOut.Trim() }, null);
    }

    public static async Task<ToolOutcome> EventLogQueryAsync(JsonElement parameters, CancellationToken ct)
    {
        var requested = ToolParameters.String(parameters, "logName") ?? "System";
        var logName = LogNames.FirstOrDefault(n => n.Equals(requested, StringComparison.OrdinalIgnoreCase));
        if (logName is null) return Fail("logName must be System, Application, Security or Setup");
        if (logName == "Setup" && LinuxFiles.Read("/var/log/dpkg.log") is { } dpkg) return new ToolOutcome(true, DpkgEntries(dpkg), null);
        if (Systemd.Journalctl is not { } journalctl) return Fail("journalctl is not installed");

        var run = await CommandRunner.RunAsync(journalctl, [.. JournalSelection(logName), "--output=json", "--no-pager", "--quiet", "--reverse", $"--lines={MaxLogEntries}"],
            Systemd.CommandTimeout, ct);
        if (!run.Succeeded) return Fail(run.Failure("journalctl"));
        return new ToolOutcome(true, new JsonArray(JournalEntries.Parse(run.StdOut).Take(MaxLogEntries).Select(e => JournalEntries.ToLogEntry(e).ToJson()).ToArray()), null);
    }

    /// <summary>The journalctl arguments selecting one Windows log name's counterpart (matches on one field are OR-ed).</summary>
    public static string[] JournalSelection(string logName) => logName switch
    {
        "System" => ["--system"],
        "Application" => ["SYSLOG_FACILITY=1", .. Enumerable.Range(16, 8).Select(f => $"SYSLOG_FACILITY={f}")],
        "Security" => ["SYSLOG_FACILITY=4", "SYSLOG_FACILITY=10"],
        "Setup" => ["SYSLOG_IDENTIFIER=dnf", "SYSLOG_IDENTIFIER=yum", "SYSLOG_IDENTIFIER=packagekitd", "SYSLOG_IDENTIFIER=unattended-upgrade"],
        _ => throw new ArgumentOutOfRangeException(nameof(logName)),
    };

    /// <summary>The newest dpkg log lines as entries (its time stamps are local time).</summary>
    private static JsonArray DpkgEntries(string log) =>
        new(log.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(MaxLogEntries).Reverse()
            .Select(line => line.Split(' ', 3))
            .Where(f => f.Length == 3)
            .Select(f => (JsonNode)new JsonObject { ["time"] = $"{f[0]} {f[1]}", ["level"] = "Information", ["source"] = "dpkg", ["message"] = f[2] })
            .ToArray());

    private static ToolOutcome Fail(string error) => new(false, null, error);
}
