namespace PocketIT.Agent.Connection;

/// <summary>
/// Reconnect delays: doubling from the configured interval, capped, and jittered down by up to a quarter so a
/// fleet that lost the server together does not come back in lock-step. Always within [0.75·base, max].
/// </summary>
public sealed class Backoff(TimeSpan initial, TimeSpan max, Random? random = null)
{
    private readonly Random _random = random ?? Random.Shared;

    public TimeSpan Base(int attempt)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt, 0, 30));
        return TimeSpan.FromMilliseconds(Math.Min(max.TotalMilliseconds, initial.TotalMilliseconds * factor));
    }

    public TimeSpan Delay(int attempt) => Base(attempt) * (1 - 0.25 * _random.NextDouble());
}
