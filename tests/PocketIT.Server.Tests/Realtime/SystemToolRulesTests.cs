using System.Text.Json;
using PocketIT.Server.PocketIt.Chat;
using PocketIT.Server.PocketIt.Realtime;

namespace PocketIT.Server.Tests.Realtime;

public sealed class SystemToolRulesTests
{
    private static string? Error(string tool, object? parameters) =>
        SystemToolRules.Validate(tool, parameters is null ? default : JsonSerializer.SerializeToElement(parameters)).Error;

    [Fact]
    public void Whitelisted_tools_with_valid_parameters_pass()
    {
        Assert.Null(Error("process_list", null));
        Assert.Null(Error("process_kill", new { pid = 42 }));
        Assert.Null(Error("service_list", new { filter = "running" }));
        Assert.Null(Error("service_action", new { serviceName = "Spooler", action = "restart" }));
        Assert.Null(Error("service_action", new { serviceName = "WinDefend", action = "start" }));
        Assert.Null(Error("event_log_query", new { logName = "Application" }));
    }

    [Theory]
    [InlineData("format_disk", null)]
    [InlineData("process_kill", "{\"pid\":0}")]
    [InlineData("process_kill", "{\"pid\":\"42\"}")]
    [InlineData("service_list", "{\"filter\":\"some\"}")]
    [InlineData("service_action", "{\"serviceName\":\"a b\",\"action\":\"start\"}")]
    [InlineData("service_action", "{\"serviceName\":\"spooler\",\"action\":\"delete\"}")]
    [InlineData("service_action", "{\"serviceName\":\"WINDEFEND\",\"action\":\"stop\"}")]
    [InlineData("event_log_query", "{\"logName\":\"Secret\"}")]
    [InlineData("process_list", "[1]")]
    public void Anything_else_is_refused(string tool, string? parameters)
    {
        var element = parameters is null ? default : JsonDocument.Parse(parameters).RootElement;
        Assert.NotNull(SystemToolRules.Validate(tool, element).Error);
    }

    [Fact]
    public void Kill_process_pids_come_only_from_the_devices_own_process_report()
    {
        const string report = """{"processes":[{"name":"x","pid":4321}]}""";
        Assert.True(RemediationValidator.ContainsPid(report, 4321));
        Assert.False(RemediationValidator.ContainsPid(report, 1234));
        Assert.False(RemediationValidator.ContainsPid("not json", 4321));
    }
}
