using System.Collections.Concurrent;

namespace PocketIT.Server.PocketIt.Chat;

/// <summary>
/// While a technician chats with a device the assistant stays quiet; each technician message restarts the
/// five minutes. Expiry is checked when the next user message arrives, so no timer per device is needed.
/// </summary>
public sealed class AssistantPauses(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset Until, string BySocket, string ByUser)> _pauses = new(StringComparer.Ordinal);

    public void Pause(string deviceId, string bySocket, string byUser) =>
        _pauses[deviceId] = (time.GetUtcNow() + ChatLimits.ItPause, bySocket, byUser);

    public bool IsPaused(string deviceId)
    {
        if (!_pauses.TryGetValue(deviceId, out var pause)) return false;
        if (pause.Until > time.GetUtcNow()) return true;
        _pauses.TryRemove(new KeyValuePair<string, (DateTimeOffset, string, string)>(deviceId, pause));
        return false;
    }

    /// <summary>Ends the pause if <paramref name="socketId"/> started it (unwatch or disconnect); true if it did.</summary>
    public bool ResumeIfPausedBy(string deviceId, string socketId) =>
        _pauses.TryGetValue(deviceId, out var pause) && pause.BySocket == socketId
        && _pauses.TryRemove(new KeyValuePair<string, (DateTimeOffset, string, string)>(deviceId, pause));

    /// <summary>The devices this socket paused, for its disconnect.</summary>
    public IReadOnlyList<string> PausedBy(string socketId) =>
        _pauses.Where(p => p.Value.BySocket == socketId).Select(p => p.Key).ToList();
}
