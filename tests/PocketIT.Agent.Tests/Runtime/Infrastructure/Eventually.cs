namespace PocketIT.Agent.Tests.Runtime.Infrastructure;

/// <summary>Polls a condition until it holds or the patience runs out (then the test fails with <c>what</c>).</summary>
public static class Eventually
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public static async Task<T> Get<T>(Func<Task<T?>> probe, string what, TimeSpan? patience = null) where T : class
    {
        var deadline = DateTime.UtcNow + (patience ?? Patience);
        while (true)
        {
            if (await probe() is { } value) return value;
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(50);
        }
    }

    public static Task True(Func<bool> condition, string what, TimeSpan? patience = null) =>
        Get(() => Task.FromResult(condition() ? "" : null), what, patience);

    public static Task True(Func<Task<bool>> condition, string what, TimeSpan? patience = null) =>
        Get(async () => await condition() ? "" : null, what, patience);
}
