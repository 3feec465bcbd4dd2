using PocketIT.Server.PocketIt.Chat;

namespace PocketIT.Server.Tests.Realtime;

/// <summary>The remediation whitelist (notes §8.4) for actions that need no diagnostics history.</summary>
public sealed class RemediationRulesTests
{
    private static readonly RemediationValidator Validator = new(db: null!, TimeProvider.System);

    [Theory]
    [InlineData("flush_dns", null)]
    [InlineData("clear_temp", null)]
    [InlineData("restart_spooler", null)]
    public async Task Whitelisted_actions_without_parameters_pass(string actionId, string? parameter)
    {
        var (_, error) = await Validator.ValidateAsync("d", actionId, parameter);
        Assert.Null(error);
    }

    [Fact]
    public async Task Restart_service_accepts_the_shared_list_case_insensitively()
    {
        var (parameter, error) = await Validator.ValidateAsync("d", "restart_service", " Spooler ");
        Assert.Null(error);
        Assert.Equal("spooler", parameter);
    }

    [Theory]
    [InlineData("format_c", null)]
    [InlineData("restart_service", "windefend")]
    [InlineData("restart_service", null)]
    [InlineData("kill_process", "notanumber")]
    [InlineData("kill_process", "0")]
    [InlineData("kill_process", "70000")]
    [InlineData("kill_process", "-5")]
    public async Task Unknown_actions_and_bad_parameters_are_refused(string actionId, string? parameter)
    {
        var (_, error) = await Validator.ValidateAsync("d", actionId, parameter);
        Assert.NotNull(error);
    }
}
