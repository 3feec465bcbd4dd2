using System.Collections.Concurrent;

namespace PocketIT.Server.PocketIt.Realtime;

/// <summary>
/// Counts events per key in a sliding window. Keys are device ids or socket ids; state lives in this
/// singleton, so a device that reconnects keeps its count (notes §15).
/// </summary>
public sealed class SlidingWindowLimiter(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _windows = new(StringComparer.Ordinal);

    public bool TryAcquire(string key, int limit, TimeSpan window)
    {
        var now = time.GetUtcNow();
        var queue = _windows.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
        lock (queue)
        {
            while (queue.Count > 0 && now - queue.Peek() >= window) queue.Dequeue();
            if (queue.Count >= limit) return false;
            queue.Enqueue(now);
            return true;
        }
    }

    /// <summary>For per-socket keys, which die with their socket.</summary>
    public void Forget(string keyPrefix)
    {
        foreach (var key in _windows.Keys)
            if (key.StartsWith(keyPrefix, StringComparison.Ordinal)) _windows.TryRemove(key, out _);
    }
}
