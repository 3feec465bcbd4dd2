using PocketIT.Agent.Connection;

namespace PocketIT.Agent.Tests.Runtime;

public sealed class BackoffTests
{
    [Fact]
    public void Delays_double_from_the_interval_up_to_the_cap_with_bounded_jitter()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(2), new Random(7));
        Assert.Equal(TimeSpan.FromSeconds(5), backoff.Base(0));
        Assert.Equal(TimeSpan.FromSeconds(10), backoff.Base(1));
        Assert.Equal(TimeSpan.FromSeconds(80), backoff.Base(4));
        Assert.Equal(TimeSpan.FromMinutes(2), backoff.Base(5));
        Assert.Equal(TimeSpan.FromMinutes(2), backoff.Base(10_000));
        for (var attempt = 0; attempt < 40; attempt++)
            for (var i = 0; i < 50; i++)
            {
                var delay = backoff.Delay(attempt);
                Assert.InRange(delay, backoff.Base(attempt) * 0.75, backoff.Base(attempt));
                Assert.True(delay <= TimeSpan.FromMinutes(2));
            }
    }

    [Fact]
    public void Jitter_spreads_a_fleet_out()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(2));
        var delays = Enumerable.Range(0, 20).Select(_ => backoff.Delay(3)).Distinct().Count();
        Assert.True(delays > 10);
    }
}
