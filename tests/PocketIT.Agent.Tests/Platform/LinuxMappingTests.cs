using System.Text.Json;
using PocketIT.Agent.Platform;
using PocketIT.Agent.Platform.Linux;
using PocketIT.Protocol;

namespace PocketIT.Agent.Tests.Platform;

public class LinuxMappingTests
{
    [Fact]
    public void Every_restartable_windows_service_has_a_linux_answer()
    {
        foreach (var name in DeviceActions.RestartableServices) Assert.NotNull(LinuxServiceMap.Candidates(name));
        Assert.Contains("cups", LinuxServiceMap.Candidates("spooler")!);
        Assert.Contains("systemd-resolved", LinuxServiceMap.Candidates("dnscache")!);
        Assert.Contains("systemd-timesyncd", LinuxServiceMap.Candidates("w32time")!);
        Assert.Empty(LinuxServiceMap.Candidates("bits")!);
        Assert.Null(LinuxServiceMap.Candidates("sshd"));
        Assert.Null(LinuxServiceMap.Candidates("SPOOLER")); // the server lowercases; the map does not guess
    }

    [Theory]
    [InlineData("cups", true)]
    [InlineData("systemd-resolved.service", true)]
    [InlineData("getty@tty1.service", true)]
    [InlineData("-force", false)]
    [InlineData("--now", false)]
    [InlineData("a/b", false)]
    [InlineData("a b", false)]
    [InlineData("", false)]
    public void Service_names_cannot_become_options_or_paths(string name, bool valid) => Assert.Equal(valid, ToolParameters.IsServiceName(name));

    [Fact]
    public void Protected_services_match_in_any_case_and_with_a_unit_suffix()
    {
        Assert.True(ToolParameters.IsProtected("WinDefend"));
        Assert.True(ToolParameters.IsProtected("eventlog.service"));
        Assert.True(ToolParameters.IsProtected("auditd", LinuxServiceMap.ProtectedUnits));
        Assert.False(ToolParameters.IsProtected("cups", LinuxServiceMap.ProtectedUnits));
    }

    [Fact]
    public void Log_names_map_to_journal_selections()
    {
        Assert.Equal(["--system"], LinuxSystemTools.JournalSelection("System"));
        Assert.Equal(["SYSLOG_FACILITY=4", "SYSLOG_FACILITY=10"], LinuxSystemTools.JournalSelection("Security"));
        Assert.Contains("SYSLOG_FACILITY=1", LinuxSystemTools.JournalSelection("Application"));
        Assert.Contains("SYSLOG_FACILITY=23", LinuxSystemTools.JournalSelection("Application"));
        Assert.Contains("SYSLOG_IDENTIFIER=dnf", LinuxSystemTools.JournalSelection("Setup"));
    }

    [Fact]
    public void Tool_parameters_accept_numbers_and_numeric_strings()
    {
        var parameters = JsonDocument.Parse("{\"pid\":42,\"other\":\"17\",\"bad\":\"x\",\"name\":\"cups\"}").RootElement;
        Assert.Equal(42, ToolParameters.Int(parameters, "pid"));
        Assert.Equal(17, ToolParameters.Int(parameters, "other"));
        Assert.Null(ToolParameters.Int(parameters, "bad"));
        Assert.Null(ToolParameters.Int(parameters, "missing"));
        Assert.Equal("cups", ToolParameters.String(parameters, "name"));
        Assert.Null(ToolParameters.String(parameters, "pid"));
    }
}
