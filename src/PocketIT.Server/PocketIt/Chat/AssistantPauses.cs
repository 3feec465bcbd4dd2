using System.Collections.Concurrent;
using PocketIT.Server.PocketIt.Realtime;
using PocketIT.Server.PocketIt.Settings;

namespace PocketIT.Server.PocketIt.Chat;

/// <summary>
/// While a technician chats with a device the assistant stays quiet; each technician message restarts the
/// five minutes. When a pause ends (expiry, unwatch or the technician's disconnect) the device hears
/// <c>ai_status</c> enabled and the staff in scope <c>device_ai_reenabled</c>.
/// </summary>
public sealed class AssistantPauses(TimeProvider time, RealtimeHub hub, StoredSettings settings)
{
    private sealed record Pause(DateTimeOffset Until, string BySocket, string ByUser, int ClientId, string? Hostname, ITimer Timer);

    private readonly ConcurrentDictionary<string, Pause> _pauses = new(StringComparer.Ordinal);

    public void Start(string deviceId, int clientId, string? hostname, string bySocket, string byUser)
    {
        var timer = time.CreateTimer(_ => _ = ExpireAsync(deviceId), null, ChatLimits.ItPause, Timeout.InfiniteTimeSpan);
        var pause = new Pause(time.GetUtcNow() + ChatLimits.ItPause, bySocket, byUser, clientId, hostname, timer);
        _pauses.AddOrUpdate(deviceId, pause, (_, old) => { old.Timer.Dispose(); return pause; });
    }

    public bool IsPaused(string deviceId) =>
        _pauses.TryGetValue(deviceId, out var pause) && pause.Until > time.GetUtcNow();

    /// <summary>Ends the pause if <paramref name="socketId"/> started it (unwatch or disconnect).</summary>
    public Task ResumeIfPausedByAsync(string deviceId, string socketId) =>
        _pauses.TryGetValue(deviceId, out var pause) && pause.BySocket == socketId ? EndAsync(deviceId, pause) : Task.CompletedTask;

    /// <summary>The devices this socket paused, for its disconnect.</summary>
    public IReadOnlyList<string> PausedBy(string socketId) =>
        _pauses.Where(p => p.Value.BySocket == socketId).Select(p => p.Key).ToList();

    private Task ExpireAsync(string deviceId) =>
        _pauses.TryGetValue(deviceId, out var pause) && pause.Until <= time.GetUtcNow() ? EndAsync(deviceId, pause) : Task.CompletedTask;

    private async Task EndAsync(string deviceId, Pause pause)
    {
        // Only the pause that was read ends; a newer technician message keeps its own.
        if (!_pauses.TryRemove(new KeyValuePair<string, Pause>(deviceId, pause))) return;
        pause.Timer.Dispose();
        // Switched off server-wide meanwhile: the technician leaving does not bring the assistant back.
        var enabled = settings.AiEnabled;
        await hub.ToDeviceAsync(deviceId, "ai_status", new { enabled, reason = enabled ? null : AssistantAvailability.Global });
        await hub.ToStaffAsync(pause.ClientId, "device_ai_reenabled", new { deviceId, hostname = pause.Hostname });
        await hub.ToStaffAsync(pause.ClientId, "device_ai_changed", new { deviceId, ai_disabled = (string?)null, ai_disabled_by = (string?)null });
    }
}
