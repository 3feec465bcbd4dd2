using System.Diagnostics;
using PocketIT.Agent.Platform;

namespace PocketIT.Agent.Tests.Platform;

public class CommandRunnerTests
{
    [Fact]
    public async Task Arguments_reach_the_program_literally_without_a_shell()
    {
        var hostile = "x; echo pwned $(id) `id` | cat > /dev/null";
        var run = await CommandRunner.RunAsync(CommandRunner.Find("printf")!, ["%s", hostile], TimeSpan.FromSeconds(10), CancellationToken.None);
        Assert.True(run.Succeeded);
        Assert.Equal(hostile, run.StdOut);
    }

    [Fact]
    public async Task A_hung_program_is_killed_at_the_timeout()
    {
        var clock = Stopwatch.StartNew();
        var run = await CommandRunner.RunAsync(CommandRunner.Find("sleep")!, ["30"], TimeSpan.FromMilliseconds(500), CancellationToken.None);
        Assert.True(run.TimedOut);
        Assert.False(run.Succeeded);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal("sleep timed out", run.Failure("sleep"));
    }

    [Fact]
    public async Task A_missing_program_is_reported_not_thrown()
    {
        var run = await CommandRunner.RunAsync("/nonexistent/pocketit-no-such-tool", [], TimeSpan.FromSeconds(5), CancellationToken.None);
        Assert.False(run.Started);
        Assert.StartsWith("tool could not be started", run.Failure("tool"));
        Assert.Null(CommandRunner.Find("pocketit-no-such-tool"));
    }

    [Fact]
    public async Task Output_is_capped_and_errors_carry_stderr()
    {
        var big = await CommandRunner.RunAsync(CommandRunner.Find("seq")!, ["1", "100000"], TimeSpan.FromSeconds(20), CancellationToken.None, outputCap: 1000);
        Assert.True(big.Succeeded);
        Assert.Equal(1000, big.StdOut.Length);

        var failed = await CommandRunner.RunAsync(CommandRunner.Find("ls")!, ["/nonexistent-pocketit"], TimeSpan.FromSeconds(10), CancellationToken.None);
        Assert.False(failed.Succeeded);
        Assert.Contains("No such file", failed.Failure("ls"));
        Assert.StartsWith("ls failed (exit 2)", failed.Failure("ls"));
    }
}
