using PocketIT.Agent.Platform.Linux.Checks;
using PocketIT.Agent.Platform.Linux.Parsing;

namespace PocketIT.Agent.Tests.Platform;

public class LinuxParserTests
{
    [Fact]
    public void Meminfo_uses_MemAvailable()
    {
        var memory = ProcMeminfo.Parse("MemTotal:       16384000 kB\nMemFree:         1000000 kB\nMemAvailable:    4096000 kB\nBuffers:  100 kB\n")!;
        Assert.Equal(16384000d * 1024, memory.TotalBytes);
        Assert.Equal(4096000d * 1024, memory.AvailableBytes);
    }

    [Fact]
    public void Meminfo_without_MemAvailable_estimates_from_free_buffers_and_cache()
    {
        var memory = ProcMeminfo.Parse("MemTotal: 1000 kB\nMemFree: 100 kB\nBuffers: 50 kB\nCached: 250 kB\n")!;
        Assert.Equal(400d * 1024, memory.AvailableBytes);
        Assert.Null(ProcMeminfo.Parse("garbage"));
    }

    [Fact]
    public void Proc_stat_deltas_give_busy_percent()
    {
        var before = ProcStat.ParseCpu("cpu  100 0 100 700 100 0 0 0 0 0\ncpu0 1 2 3 4\nbtime 1700000000\n")!;
        var after = ProcStat.ParseCpu("cpu  400 0 200 1200 200 0 0 0 0 0\n")!;
        // total delta 1000, idle+iowait delta 600 → 40 % busy
        Assert.Equal(40, ProcStat.UsagePercent(before, after), 3);
        Assert.Equal(0, ProcStat.UsagePercent(after, after));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), ProcStat.BootTime("cpu  1 2 3 4\nbtime 1700000000\n"));
    }

    [Fact]
    public void Os_release_unquotes_values()
    {
        var release = KeyValueFiles.OsRelease("# comment\nNAME=\"Ubuntu\"\nVERSION_ID='24.04'\nPRETTY_NAME=\"Ubuntu 24.04 \\\"Noble\\\" LTS\"\nID=ubuntu\n\n");
        Assert.Equal("Ubuntu", release["NAME"]);
        Assert.Equal("24.04", release["VERSION_ID"]);
        Assert.Equal("Ubuntu 24.04 \"Noble\" LTS", release["PRETTY_NAME"]);
        Assert.Equal("ubuntu", release["ID"]);
    }

    [Fact]
    public void Cpuinfo_model_name_for_x86_and_arm()
    {
        Assert.Equal("Intel(R) Core(TM) i7-8650U CPU @ 1.90GHz",
            KeyValueFiles.CpuModel("processor\t: 0\nvendor_id\t: GenuineIntel\nmodel\t\t: 142\nmodel name\t: Intel(R) Core(TM) i7-8650U CPU @ 1.90GHz\n"));
        Assert.Equal("Raspberry Pi 4 Model B Rev 1.4", KeyValueFiles.CpuModel("processor\t: 0\nBogoMIPS\t: 108.00\n\nModel\t\t: Raspberry Pi 4 Model B Rev 1.4\n"));
        Assert.Null(KeyValueFiles.CpuModel("processor\t: 0\n"));
    }

    [Fact]
    public void Uptime_who_and_passwd()
    {
        Assert.Equal(TimeSpan.FromSeconds(3600.5), KeyValueFiles.Uptime("3600.50 7000.00\n"));
        Assert.Equal(["alice", "bob"], KeyValueFiles.WhoUsers("alice    tty2   2024-01-01 09:00 (tty2)\nbob pts/0 2024-01-01 10:00\nalice pts/1 2024-01-01 11:00\n"));
        Assert.Equal("/home/alice", KeyValueFiles.HomeOf("root:x:0:0:root:/root:/bin/bash\nalice:x:1000:1000:Alice,,,:/home/alice:/bin/bash\n", "alice"));
        Assert.Null(KeyValueFiles.HomeOf("root:x:0:0:root:/root:/bin/bash\n", "alice"));
    }

    [Fact]
    public void Mounts_keep_data_filesystems_once_each()
    {
        var mounts = MountTable.Parse(
            "proc /proc proc rw 0 0\n" +
            "overlay / overlay rw,lowerdir=x 0 0\n" +
            "tmpfs /run tmpfs rw 0 0\n" +
            "/dev/nvme0n1p2 / ext4 rw 0 0\n" +
            "/dev/nvme0n1p1 /boot/efi vfat rw 0 0\n" +
            "/dev/nvme0n1p3 /home btrfs rw,subvol=/home 0 0\n" +
            "/dev/nvme0n1p3 /home/snapshots btrfs rw,subvol=/snap 0 0\n" +
            "/dev/loop3 /snap/core/1 squashfs ro 0 0\n" +
            "/dev/sdb1 /mnt/My\\040Disk ntfs3 rw 0 0\n" +
            "tank/data /tank/data zfs rw 0 0\n");
        var data = MountTable.DataMounts(mounts);
        Assert.Equal(["/", "/boot/efi", "/home", "/mnt/My Disk", "/tank/data"], data.Select(m => m.MountPoint));
    }

    [Fact]
    public void Journal_json_lines_parse_priority_source_time_and_byte_messages()
    {
        var entries = JournalEntries.Parse(
            "{\"__REALTIME_TIMESTAMP\":\"1700000000123456\",\"PRIORITY\":\"2\",\"SYSLOG_IDENTIFIER\":\"kernel\",\"MESSAGE\":\"Out of memory\"}\n" +
            "{\"PRIORITY\":\"3\",\"_SYSTEMD_UNIT\":\"cups.service\",\"MESSAGE\":[104,105]}\n" +
            "not json\n" +
            "{\"PRIORITY\":\"4\",\"MESSAGE\":\"meh\"}\n");
        Assert.Equal(3, entries.Count);
        Assert.Equal(2, entries[0].Priority);
        Assert.Equal("kernel", entries[0].Source);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000000123), entries[0].Time);
        Assert.Equal("hi", entries[1].Message);
        Assert.Equal("cups.service", entries[1].Source);
        Assert.Equal("unknown", entries[2].Source);
    }

    [Fact]
    public void Event_log_summary_counts_priorities_0_to_2_as_critical_and_3_as_error()
    {
        JournalEntries.Entry E(int p) => new(DateTimeOffset.UtcNow, p, "x", "m");
        var critical = LinuxEventLogCheck.Summarize([E(0), E(3), E(3)]);
        Assert.Equal("error", critical.Status);
        Assert.Equal(1, critical.Results["criticals"]!.GetValue<int>());
        Assert.Equal(2, critical.Results["errors"]!.GetValue<int>());
        Assert.Equal(3, critical.Results["entries"]!.AsArray().Count);
        Assert.Equal("warning", LinuxEventLogCheck.Summarize([E(3)]).Status);
        Assert.Equal("error", LinuxEventLogCheck.Summarize([E(2)]).Status);
        Assert.Equal("ok", LinuxEventLogCheck.Summarize([]).Status);
    }

    [Fact]
    public void Systemctl_listings_parse_and_find_stopped_enabled_services()
    {
        var units = SystemctlOutput.ParseUnits(
            "cups.service                 loaded active   running CUPS Scheduler\n" +
            "● bad.service               loaded failed   failed  Broken Thing\n" +
            "idle.service                 loaded inactive dead    Stopped daemon\n" +
            "setup.service                loaded inactive dead    One-shot setup\n" +
            "disabled.service             loaded inactive dead    Not enabled\n");
        Assert.Equal(5, units.Count);
        Assert.Equal(("bad.service", "failed", "Broken Thing"), (units[1].Name, units[1].Active, units[1].Description));

        var files = SystemctlOutput.ParseUnitFiles(
            "cups.service enabled enabled\nbad.service enabled enabled\nidle.service enabled enabled\nsetup.service enabled enabled\n" +
            "disabled.service disabled enabled\ngetty@.service enabled enabled\n");
        Assert.Equal(["bad.service", "idle.service", "setup.service"], SystemctlOutput.StoppedCandidates(units, files));

        var show = SystemctlOutput.ParseShow(
            "Id=bad.service\nType=simple\nResult=exit-code\nActiveState=failed\nConditionResult=yes\n\n" +
            "Id=idle.service\nType=simple\nResult=success\nActiveState=inactive\nConditionResult=yes\n\n" +
            "Id=setup.service\nType=oneshot\nResult=success\nActiveState=inactive\nConditionResult=yes\n");
        Assert.Equal(3, show.Count);
        Assert.Equal([false, false, true], show.Select(SystemctlOutput.MeantToBeStopped));
        Assert.True(SystemctlOutput.MeantToBeStopped(new Dictionary<string, string> { ["ActiveState"] = "inactive", ["ConditionResult"] = "no" }));
    }

    [Fact]
    public void Dpkg_log_gives_the_newest_upgrade_in_utc()
    {
        var log = "2024-05-01 10:00:00 startup archives unpack\n" +
                  "2024-05-01 10:00:01 upgrade libc6:amd64 2.36-9 2.36-9+deb12u1\n" +
                  "2024-06-02 08:30:00 install newpkg:amd64 <none> 1.0\n" +
                  "2024-05-20 23:59:59 upgrade curl:amd64 7.88 7.88.1\n";
        var zone = TimeZoneInfo.CreateCustomTimeZone("plus2", TimeSpan.FromHours(2), "plus2", "plus2");
        Assert.Equal(new DateTimeOffset(2024, 5, 20, 21, 59, 59, TimeSpan.Zero), PackageLogs.LastDpkgUpgrade(log, zone));
        Assert.Null(PackageLogs.LastDpkgUpgrade("2024-06-02 08:30:00 install newpkg:amd64 <none> 1.0\n", zone));
    }

    [Fact]
    public void Rpm_install_times_update_notifier_and_day_counts()
    {
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000500), PackageLogs.LastRpmInstall("1700000000\n1700000500\n(none)\n"));
        Assert.Null(PackageLogs.LastRpmInstall(""));
        Assert.Equal(12, PackageLogs.UpdateNotifierCount("\n12 updates can be applied immediately.\n5 of these updates are standard security updates.\n"));
        Assert.Equal(1, PackageLogs.UpdateNotifierCount("1 update can be applied immediately.\n"));
        Assert.Equal(0, PackageLogs.UpdateNotifierCount(""));
        var now = new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(31, PackageLogs.DaysBetween(now.AddDays(-31.5), now));
        Assert.Equal(0, PackageLogs.DaysBetween(now.AddDays(1), now));
    }

    [Fact]
    public void Battery_health_is_full_over_design()
    {
        var reading = Hardware.Battery(new Dictionary<string, string>
        {
            ["capacity"] = "15", ["energy_full"] = "40000000", ["energy_full_design"] = "50000000", ["status"] = "Discharging\n",
        });
        Assert.Equal((15.0, 80.0, "Discharging"), (reading.ChargePercent, reading.HealthPercent, reading.Status));
        var charge = Hardware.Battery(new Dictionary<string, string> { ["charge_now"] = "1000", ["charge_full"] = "4000", ["charge_full_design"] = "10000" });
        Assert.Equal((25.0, 40.0), (charge.ChargePercent, charge.HealthPercent));
        Assert.Equal((null, null), (Hardware.Battery(new Dictionary<string, string>()).ChargePercent, Hardware.Battery(new Dictionary<string, string>()).HealthPercent));
    }

    [Fact]
    public void Lspci_display_controllers_and_secure_boot_variable()
    {
        var gpus = Hardware.LspciGpus(
            "00:00.0 Host bridge: Intel Corporation Xeon E3-1200 v6 (rev 08)\n" +
            "00:02.0 VGA compatible controller: Intel Corporation UHD Graphics 620 (rev 07)\n" +
            "01:00.0 3D controller: NVIDIA Corporation GP108M [GeForce MX150] (rev a1)\n");
        Assert.Equal(["Intel Corporation UHD Graphics 620", "NVIDIA Corporation GP108M [GeForce MX150]"], gpus);
        Assert.Equal("True", Hardware.SecureBoot([6, 0, 0, 0, 1]));
        Assert.Equal("False", Hardware.SecureBoot([6, 0, 0, 0, 0]));
        Assert.Equal("Unknown", Hardware.SecureBoot(null));
        Assert.Equal("Unknown", Hardware.SecureBoot([6, 0]));
    }

    [Fact]
    public void Installed_packages_keep_only_installed_ones_sorted()
    {
        var packages = LinuxInstalledSoftwareCheck.Parse("ii \tzlib1g\t1:1.2.13\nrc \toldpkg\t1.0\nii \tbash\t5.2\n");
        Assert.Equal([("bash", "5.2"), ("zlib1g", "1:1.2.13")], packages);
    }
}
