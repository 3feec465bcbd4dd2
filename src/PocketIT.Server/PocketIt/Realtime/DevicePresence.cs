using System.Collections.Concurrent;

namespace PocketIT.Server.PocketIt.Realtime;

/// <summary>
/// Which socket currently speaks for each device. A reconnect replaces the entry, so the old socket's late
/// disconnect does not mark the device offline (notes §15).
/// </summary>
public sealed class DevicePresence
{
    private readonly ConcurrentDictionary<string, string> _sockets = new(StringComparer.Ordinal);

    /// <summary>Registers the socket and returns the one it replaced, if any.</summary>
    public string? Register(string deviceId, string socketId)
    {
        string? previous = null;
        _sockets.AddOrUpdate(deviceId, socketId, (_, old) => { previous = old; return socketId; });
        return previous == socketId ? null : previous;
    }

    /// <summary>True when the socket was still the registered one (and is now removed).</summary>
    public bool Unregister(string deviceId, string socketId) =>
        _sockets.TryRemove(new KeyValuePair<string, string>(deviceId, socketId));
}
