using PocketIT.Agent.Platform;

namespace PocketIT.Agent.Tests.Platform;

public class ThresholdsTests
{
    [Theory]
    [InlineData(0, "ok")]
    [InlineData(69.9, "ok")]
    [InlineData(70, "warning")]
    [InlineData(89.9, "warning")]
    [InlineData(90, "error")]
    [InlineData(100, "error")]
    public void Cpu_and_memory_use_70_and_90(double percent, string expected) => Assert.Equal(expected, Thresholds.Usage(percent));

    [Theory]
    [InlineData(79.9, "ok")]
    [InlineData(80, "warning")]
    [InlineData(94.9, "warning")]
    [InlineData(95, "error")]
    public void A_drive_uses_80_and_95(double percent, string expected) => Assert.Equal(expected, Thresholds.Disk(percent));

    [Fact]
    public void The_worst_drive_wins()
    {
        var outcome = DiskReport.Build([new DriveUsage("/", 100, 50), new DriveUsage("/data", 1000, 40), new DriveUsage("/boot", 100, 15)]);
        Assert.Equal("error", outcome.Status);
        var drives = outcome.Results["drives"]!.AsArray();
        Assert.Equal(["ok", "error", "warning"], drives.Select(d => d!["status"]!.GetValue<string>()));
        Assert.Equal(96.0, drives[1]!["usagePercent"]!.GetValue<double>());

        Assert.Equal("warning", DiskReport.Build([new DriveUsage("/", 1000, 201), new DriveUsage("/x", 1000, 200)]).Status); // 79.9 and 80
        Assert.Equal("ok", DiskReport.Build([new DriveUsage("/", 1000, 201)]).Status);
        Assert.Equal("ok", DiskReport.Build([]).Status);
    }

    [Theory]
    [InlineData(false, null, true, "error")]
    [InlineData(false, null, false, "error")]
    [InlineData(true, 200.0, true, "ok")]
    [InlineData(true, 200.1, true, "warning")]
    [InlineData(true, 10.0, false, "warning")]
    [InlineData(true, 10.0, true, "ok")]
    public void Network_needs_a_reply_a_fast_one_and_dns(bool reachable, double? pingMs, bool dns, string expected) =>
        Assert.Equal(expected, Thresholds.Network(reachable, pingMs, dns));

    [Theory]
    [InlineData(50, 2048, "ok")]
    [InlineData(50.1, 100, "warning")]
    [InlineData(1, 2048.1, "warning")]
    public void Top_processes_warn_over_50_percent_cpu_or_2048_MB(double cpu, double memory, string expected) =>
        Assert.Equal(expected, Thresholds.TopProcesses([(0, 10), (cpu, memory)]));

    [Fact]
    public void No_processes_is_ok() => Assert.Equal("ok", Thresholds.TopProcesses([]));

    [Theory]
    [InlineData(0, 0, "ok")]
    [InlineData(0, 1, "warning")]
    [InlineData(1, 0, "error")]
    [InlineData(2, 5, "error")]
    public void Event_log_criticals_are_errors_and_errors_warnings(int criticals, int errors, string expected) =>
        Assert.Equal(expected, Thresholds.EventLog(criticals, errors));

    [Theory]
    [InlineData(false, 0.0, "ok")]
    [InlineData(false, 30.0, "ok")]
    [InlineData(false, 31.0, "warning")]
    [InlineData(false, 90.0, "warning")]
    [InlineData(false, 91.0, "error")]
    [InlineData(true, 0.0, "error")]
    [InlineData(true, null, "error")]
    [InlineData(false, null, "ok")]
    public void Updates_use_30_and_90_days_and_a_pending_reboot(bool reboot, double? days, string expected) =>
        Assert.Equal(expected, Thresholds.Updates(reboot, days));

    [Theory]
    [InlineData(100.0, 100.0, "ok")]
    [InlineData(80.0, 20.0, "ok")]
    [InlineData(79.9, 100.0, "warning")]
    [InlineData(100.0, 19.9, "warning")]
    [InlineData(50.0, 10.0, "warning")]
    [InlineData(49.9, 100.0, "error")]
    [InlineData(100.0, 9.9, "error")]
    [InlineData(null, 50.0, "ok")]
    [InlineData(null, 5.0, "error")]
    public void Battery_uses_health_50_80_and_charge_10_20(double? health, double? charge, string expected) =>
        Assert.Equal(expected, Thresholds.Battery(health, charge));

    [Fact]
    public void Services_and_security_counts()
    {
        Assert.Equal("ok", Thresholds.Services(0));
        Assert.Equal("warning", Thresholds.Services(1));
        Assert.Equal("ok", Thresholds.Security(0, 0));
        Assert.Equal("warning", Thresholds.Security(0, 1));
        Assert.Equal("error", Thresholds.Security(1, 0));
    }

    [Fact]
    public void Usage_reports_carry_the_documented_keys()
    {
        var memory = UsageReport.Memory(16 * Units.Gibibyte, 4 * Units.Gibibyte);
        Assert.Equal("warning", memory.Status);
        Assert.Equal(75.0, memory.Results["usagePercent"]!.GetValue<double>());
        Assert.Equal(16.0, memory.Results["totalGB"]!.GetValue<double>());
        Assert.Equal(4.0, memory.Results["availableGB"]!.GetValue<double>());
        var cpu = UsageReport.Cpu(90, "test");
        Assert.Equal("error", cpu.Status);
        Assert.Equal(90.0, cpu.Results["usagePercent"]!.GetValue<double>());
    }

    [Theory]
    [InlineData(9, "Laptop")]
    [InlineData(10, "Laptop")]
    [InlineData(3, "Desktop")]
    [InlineData(13, "All-in-One")]
    [InlineData(23, "Server")]
    [InlineData(31, "Tablet")]
    [InlineData(2, "Unknown")]
    [InlineData(99, "Unknown")]
    public void Chassis_types_map_to_form_factors(int code, string expected) => Assert.Equal(expected, FormFactors.FromChassisType(code));

    [Theory]
    [InlineData(1_000_000_000L, "1 Gbps")]
    [InlineData(100_000_000L, "100 Mbps")]
    [InlineData(2_500_000_000L, "2500 Mbps")]
    [InlineData(0L, null)]
    [InlineData(-1L, null)]
    [InlineData(4_294_967_295_000_000L, null)]
    public void Link_speeds_read_like_windows(long bits, string? expected) => Assert.Equal(expected, NetworkAdapters.FormatSpeed(bits));
}
