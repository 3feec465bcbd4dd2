namespace PocketIT.Server.PocketIt.Chat;

/// <summary>Request ids as <c>prefix-epochms-n</c>: the prefix routes the result (notes §6), the counter keeps ids unique within a millisecond.</summary>
public sealed class RequestIds(TimeProvider time)
{
    private long _counter;

    public string Next(string prefix) => $"{prefix}-{time.GetUtcNow().ToUnixTimeMilliseconds()}-{Interlocked.Increment(ref _counter)}";
}
