using System.Collections.Concurrent;

namespace PocketIT.Server.PocketIt.Chat;

/// <summary>Diagnostics the assistant asked for: their results go back to it; results nobody asked for do not.</summary>
public sealed class AwaitingDiagnostics
{
    private readonly ConcurrentDictionary<string, HashSet<string>> _awaiting = new(StringComparer.Ordinal);

    public void Expect(string deviceId, string checkType)
    {
        var set = _awaiting.GetOrAdd(deviceId, _ => new HashSet<string>(StringComparer.Ordinal));
        lock (set) set.Add(checkType);
    }

    /// <summary>True once for an expected result ("all" accepts any check type).</summary>
    public bool TryTake(string deviceId, string checkType)
    {
        if (!_awaiting.TryGetValue(deviceId, out var set)) return false;
        lock (set) return set.Remove(checkType) || set.Remove("all");
    }

    public void Clear(string deviceId) => _awaiting.TryRemove(deviceId, out _);
}
