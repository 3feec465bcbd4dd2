using System.Collections.Concurrent;

namespace PocketIT.Server.PocketIt.Realtime;

/// <summary>
/// System tool requests in flight: a device's result is relayed only for a request that was made to it,
/// and goes back to the socket that asked as well as the device's watchers.
/// </summary>
public sealed class PendingToolRequests(TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<(string DeviceId, string RequestId), (string SocketId, DateTimeOffset At)> _pending = new();

    public void Add(string deviceId, string requestId, string socketId)
    {
        var now = time.GetUtcNow();
        foreach (var (key, value) in _pending)
            if (now - value.At > Lifetime) _pending.TryRemove(key, out _);
        _pending[(deviceId, requestId)] = (socketId, now);
    }

    public bool TryTake(string deviceId, string requestId, out string socketId)
    {
        socketId = "";
        if (!_pending.TryRemove((deviceId, requestId), out var entry)) return false;
        socketId = entry.SocketId;
        return true;
    }
}
