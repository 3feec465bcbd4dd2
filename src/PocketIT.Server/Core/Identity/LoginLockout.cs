using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using PocketIT.Server.Core.Hosting;

namespace PocketIT.Server.Core.Identity;

/// <summary>Counts failed passwords and codes per submitted username (known or not); the Nth locks it for 15 minutes.</summary>
public sealed class LoginLockout(IOptions<PocketItOptions> options, TimeProvider time)
{
    private static readonly TimeSpan LockDuration = TimeSpan.FromMinutes(15);
    private readonly int _threshold = options.Value.RateLimits.LockoutThreshold;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.OrdinalIgnoreCase);

    private sealed record Entry(int Failures, DateTimeOffset? LockedUntil, DateTimeOffset LastFailure);

    public bool IsLocked(string username, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (!_entries.TryGetValue(username, out var entry) || entry.LockedUntil is null) return false;
        var left = entry.LockedUntil.Value - time.GetUtcNow();
        if (left <= TimeSpan.Zero)
        {
            _entries.TryRemove(username, out _);
            return false;
        }
        retryAfter = left;
        return true;
    }

    public void RecordFailure(string username)
    {
        var now = time.GetUtcNow();
        _entries.AddOrUpdate(username,
            _ => new Entry(1, _threshold <= 1 ? now + LockDuration : null, now),
            (_, e) =>
            {
                // failures older than the lock window no longer count
                var failures = now - e.LastFailure > LockDuration ? 1 : e.Failures + 1;
                return new Entry(failures, failures >= _threshold ? now + LockDuration : null, now);
            });
        if (_entries.Count > 100_000) PruneStale(now);
    }

    public void RecordSuccess(string username) => _entries.TryRemove(username, out _);

    private void PruneStale(DateTimeOffset now)
    {
        foreach (var (key, e) in _entries)
            if (now - e.LastFailure > LockDuration) _entries.TryRemove(key, out _);
    }
}
