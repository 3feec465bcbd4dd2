using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PocketIT.Agent.Platform;
using PocketIT.Agent.Platform.Linux;

namespace PocketIT.Agent.Tests.Platform;

/// <summary>The real Linux platform on this machine (the test suite runs on Linux).</summary>
public class LinuxPlatformTests
{
    private readonly IDevicePlatform platform = DevicePlatforms.ForCurrentOs();
    private static readonly JsonElement NoParameters = JsonDocument.Parse("{}").RootElement;

    private static JsonElement Parameters(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void The_factory_picks_linux_here()
    {
        Assert.True(OperatingSystem.IsLinux(), "these tests describe the Linux platform");
        Assert.IsType<LinuxPlatform>(platform);
    }

    [Fact]
    public void Machine_id_is_the_systemd_machine_id()
    {
        var expected = (File.Exists("/etc/machine-id") ? File.ReadAllText("/etc/machine-id") : File.ReadAllText("/var/lib/dbus/machine-id")).Trim();
        Assert.Equal(expected, platform.MachineId());
        Assert.Matches("^[0-9a-f]{32}$", platform.MachineId());
    }

    [Fact]
    public async Task Profile_describes_this_machine()
    {
        var profile = await platform.CollectProfileAsync(CancellationToken.None);
        Assert.False(string.IsNullOrWhiteSpace(profile["cpuModel"]?.GetValue<string>()));
        Assert.True(profile["totalRamGB"]!.GetValue<double>() > 0);
        Assert.True(profile["totalDiskGB"]!.GetValue<double>() > 0);
        Assert.Equal(Environment.ProcessorCount, profile["processorCount"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(profile["osName"]?.GetValue<string>()));
        Assert.Equal(File.ReadAllText("/proc/sys/kernel/osrelease").Trim(), profile["osBuild"]!.GetValue<string>());
        Assert.True(DateTime.TryParseExact(profile["lastBootTime"]!.GetValue<string>(), "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var boot));
        Assert.True(boot < DateTime.UtcNow);
        Assert.True(profile["uptimeHours"]!.GetValue<double>() >= 0);
        Assert.IsType<JsonArray>(profile["loggedInUsers"]);
        foreach (var adapter in profile["networkAdapters"]!.AsArray())
            Assert.All(new[] { "Name", "Status", "MacAddress", "Speed", "IPv4" }, key => Assert.True(adapter!.AsObject().ContainsKey(key), key));
        Assert.Contains(profile["secureBoot"]!.GetValue<string>(), new[] { "True", "False", "Unknown" });
        Assert.Contains(profile["domainJoinType"]!.GetValue<string>(), new[] { "Workgroup", "On-Premises AD", "Unknown" });
        Assert.False(string.IsNullOrWhiteSpace(profile["tpmVersion"]?.GetValue<string>()));
        // The server stores only these keys; anything else would be a naming mistake.
        var known = new HashSet<string> { "cpuModel", "totalRamGB", "totalDiskGB", "processorCount", "osEdition", "osBuild", "osArchitecture",
            "biosManufacturer", "biosVersion", "gpuModel", "serialNumber", "domain", "lastBootTime", "uptimeHours", "loggedInUsers", "networkAdapters",
            "osDisplayVersion", "osInstallDate", "osName", "deviceManufacturer", "deviceModel", "formFactor", "tpmVersion", "secureBoot", "domainJoinType" };
        Assert.All(profile.Select(p => p.Key), key => Assert.Contains(key, known));
    }

    [Fact]
    public void The_linux_checks_cover_the_notes_list()
    {
        var expected = new[] { "cpu", "memory", "disk", "network", "top_processes", "event_log", "windows_update", "installed_software", "services", "security" };
        Assert.All(expected, type => Assert.Contains(type, platform.Checks.Keys));
        Assert.Equal(Directory.Exists("/sys/class/power_supply") && LinuxBatteryHere(), platform.Checks.ContainsKey("battery"));
        Assert.All(platform.Checks, pair => Assert.Equal(pair.Key, pair.Value.CheckType));
    }

    private static bool LinuxBatteryHere() =>
        Directory.GetDirectories("/sys/class/power_supply").Any(d => File.Exists(Path.Combine(d, "type")) && File.ReadAllText(Path.Combine(d, "type")).Trim() == "Battery");

    [Fact]
    public async Task Every_check_gives_a_verdict_and_results_in_bounded_time()
    {
        foreach (var (type, check) in platform.Checks)
        {
            var clock = Stopwatch.StartNew();
            var outcome = await check.RunAsync(CancellationToken.None);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(type == "network" ? 10 : 30), $"{type} took {clock.Elapsed}");
            Assert.Contains(outcome.Status, new[] { "ok", "warning", "error" });
            Assert.NotNull(outcome.Results);
            Assert.True(outcome.Results.ToJsonString().Length < 512 * 1024, $"{type} results exceed the server's 512 KB");
        }
    }

    [Fact]
    public async Task Check_results_have_the_documented_shapes()
    {
        var cpu = await platform.Checks["cpu"].RunAsync(CancellationToken.None);
        Assert.InRange(cpu.Results["usagePercent"]!.GetValue<double>(), 0, 100);
        var memory = await platform.Checks["memory"].RunAsync(CancellationToken.None);
        Assert.True(memory.Results["totalGB"]!.GetValue<double>() > 0);
        Assert.InRange(memory.Results["usagePercent"]!.GetValue<double>(), 0, 100);
        Assert.True(memory.Results.ContainsKey("availableGB"));
        var disk = await platform.Checks["disk"].RunAsync(CancellationToken.None);
        var drive = disk.Results["drives"]!.AsArray().First()!.AsObject();
        Assert.All(new[] { "drive", "totalGB", "freeGB", "usagePercent", "status" }, key => Assert.True(drive.ContainsKey(key), key));
        var top = await platform.Checks["top_processes"].RunAsync(CancellationToken.None);
        var processes = top.Results["processes"]!.AsArray();
        Assert.InRange(processes.Count, 1, 15);
        Assert.All(processes, p => Assert.All(new[] { "name", "pid", "cpuPercent", "memoryMB" }, key => Assert.True(p!.AsObject().ContainsKey(key), key)));
        var updates = await platform.Checks["windows_update"].RunAsync(CancellationToken.None);
        Assert.True(updates.Results.ContainsKey("pendingReboot") && updates.Results.ContainsKey("daysSinceLastUpdate"));
        var security = await platform.Checks["security"].RunAsync(CancellationToken.None);
        Assert.IsType<JsonArray>(security.Results["issues"]);
        Assert.IsType<JsonArray>(security.Results["warnings"]);
        var software = await platform.Checks["installed_software"].RunAsync(CancellationToken.None);
        Assert.Equal("ok", software.Status);
    }

    [Fact]
    public async Task Network_check_is_honest_and_quick_even_offline()
    {
        var clock = Stopwatch.StartNew();
        var outcome = await platform.Checks["network"].RunAsync(CancellationToken.None);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        var reachable = outcome.Results["internetReachable"]!.GetValue<bool>();
        Assert.Equal(Thresholds.Network(reachable, outcome.Results["pingMs"]?.GetValue<double>(), outcome.Results["dnsWorking"]!.GetValue<bool>()), outcome.Status);
        if (!reachable) Assert.Equal("error", outcome.Status);
        Assert.False(string.IsNullOrEmpty(outcome.Results["method"]?.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(outcome.Results["adapterStatus"]?.GetValue<string>()));
    }

    [Fact]
    public async Task Process_list_contains_this_process()
    {
        var result = await platform.RunSystemToolAsync("process_list", NoParameters, CancellationToken.None);
        Assert.True(result.Success, result.Error);
        var pids = result.Data!.AsArray().Select(p => p!["pid"]!.GetValue<int>()).ToList();
        Assert.Contains(Environment.ProcessId, pids);
        Assert.True(pids.Count <= 1000);
    }

    [Fact]
    public async Task Kill_process_ends_a_child_it_is_given()
    {
        using var child = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
        try
        {
            var outcome = await platform.RemediateAsync("kill_process", child.Id.ToString(CultureInfo.InvariantCulture), CancellationToken.None);
            Assert.True(outcome.Success, outcome.Message);
            Assert.True(child.WaitForExit(5000));
            Assert.Contains("sleep", outcome.Message);
        }
        finally
        {
            if (!child.HasExited) child.Kill();
        }
    }

    [Fact]
    public async Task Process_kill_tool_ends_a_child_too()
    {
        using var child = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
        try
        {
            var result = await platform.RunSystemToolAsync("process_kill", Parameters($"{{\"pid\":{child.Id}}}"), CancellationToken.None);
            Assert.True(result.Success, result.Error);
            Assert.True(child.WaitForExit(5000));
        }
        finally
        {
            if (!child.HasExited) child.Kill();
        }
    }

    [Theory]
    [InlineData("1")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("abc")]
    [InlineData(null)]
    public async Task Kill_process_refuses_init_and_nonsense(string? pid)
    {
        var outcome = await platform.RemediateAsync("kill_process", pid, CancellationToken.None);
        Assert.False(outcome.Success);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Message));
    }

    [Fact]
    public async Task Kill_process_refuses_the_agent_itself()
    {
        var outcome = await platform.RemediateAsync("kill_process", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), CancellationToken.None);
        Assert.False(outcome.Success);
        Assert.Contains("agent", outcome.Message);
        var tool = await platform.RunSystemToolAsync("process_kill", Parameters("{\"pid\":1}"), CancellationToken.None);
        Assert.False(tool.Success);
    }

    [Theory]
    [InlineData("notaservice")]
    [InlineData("sshd")]
    [InlineData("")]
    [InlineData(null)]
    public async Task Restart_service_refuses_names_outside_the_whitelist(string? name)
    {
        var outcome = await platform.RemediateAsync("restart_service", name, CancellationToken.None);
        Assert.False(outcome.Success);
        Assert.Contains("not a service the agent may restart", outcome.Message);
    }

    [Fact]
    public async Task Restart_service_without_a_linux_counterpart_says_so()
    {
        var outcome = await platform.RemediateAsync("restart_service", "bits", CancellationToken.None);
        Assert.False(outcome.Success);
        Assert.Contains("not available on Linux", outcome.Message);
    }

    [Theory]
    [InlineData("sfc_scan")]
    [InlineData("dism_repair")]
    [InlineData("restart_explorer")]
    public async Task Windows_only_remediations_fail_clearly(string action)
    {
        var outcome = await platform.RemediateAsync(action, null, CancellationToken.None);
        Assert.False(outcome.Success);
        Assert.Contains("Windows-only", outcome.Message);
    }

    [Fact]
    public async Task Every_whitelisted_remediation_is_recognised_and_unknown_ones_refused()
    {
        var unknown = await platform.RemediateAsync("format_disk", null, CancellationToken.None);
        Assert.False(unknown.Success);
        Assert.Contains("not a remediation", unknown.Message);
        // Only the harmless, side-effect-free answers are exercised here; each must name itself honestly.
        var dns = await platform.RemediateAsync("flush_dns", null, CancellationToken.None);
        Assert.False(string.IsNullOrWhiteSpace(dns.Message));
    }

    [Fact]
    public async Task Unknown_tools_and_bad_parameters_are_refused()
    {
        Assert.False((await platform.RunSystemToolAsync("rm_rf", NoParameters, CancellationToken.None)).Success);
        Assert.False((await platform.RunSystemToolAsync("service_list", Parameters("{\"filter\":\"weird\"}"), CancellationToken.None)).Success);
        Assert.False((await platform.RunSystemToolAsync("event_log_query", Parameters("{\"logName\":\"Kernel\"}"), CancellationToken.None)).Success);
        var option = await platform.RunSystemToolAsync("service_action", Parameters("{\"serviceName\":\"--now\",\"action\":\"stop\"}"), CancellationToken.None);
        Assert.False(option.Success);
        var badAction = await platform.RunSystemToolAsync("service_action", Parameters("{\"serviceName\":\"cups\",\"action\":\"mask\"}"), CancellationToken.None);
        Assert.False(badAction.Success);
    }

    [Theory]
    [InlineData("WinDefend", "stop")]
    [InlineData("eventlog", "restart")]
    [InlineData("auditd", "stop")]
    public async Task Protected_services_cannot_be_stopped_or_restarted(string name, string action)
    {
        var result = await platform.RunSystemToolAsync("service_action", Parameters($"{{\"serviceName\":\"{name}\",\"action\":\"{action}\"}}"), CancellationToken.None);
        Assert.False(result.Success);
        Assert.Contains("protected", result.Error);
    }

    [Fact]
    public async Task Event_log_query_returns_a_bounded_list()
    {
        foreach (var log in new[] { "System", "Setup", "security" })
        {
            var result = await platform.RunSystemToolAsync("event_log_query", Parameters($"{{\"logName\":\"{log}\"}}"), CancellationToken.None);
            Assert.True(result.Success, result.Error);
            Assert.InRange(result.Data!.AsArray().Count, 0, LinuxSystemTools.MaxLogEntries);
        }
    }

    [Fact]
    public async Task Screenshot_is_null_without_a_display()
    {
        var headless = string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY")) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WAYLAND_DISPLAY"));
        var clock = Stopwatch.StartNew();
        var shot = await platform.CaptureScreenshotAsync(CancellationToken.None);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(70));
        if (headless) Assert.Null(shot);
        else if (shot is not null) Assert.Equal("image/png", shot.MimeType);
    }

    [Fact]
    public async Task Service_list_and_services_check_follow_whether_systemd_runs()
    {
        var list = await platform.RunSystemToolAsync("service_list", Parameters("{\"filter\":\"running\"}"), CancellationToken.None);
        var services = await platform.Checks["services"].RunAsync(CancellationToken.None);
        if (Systemd.IsRunning)
        {
            Assert.True(list.Success, list.Error);
            Assert.All(list.Data!.AsArray(), s => Assert.Equal("Running", s!["status"]!.GetValue<string>()));
            Assert.IsType<JsonArray>(services.Results["stoppedAutoServices"]);
        }
        else
        {
            Assert.False(list.Success);
            Assert.Contains("systemd is not running", list.Error);
            Assert.Equal("ok", services.Status);
            Assert.Contains("systemd", services.Results["note"]!.GetValue<string>());
        }
    }
}
