using PocketIT.SocketIO.Protocol;

namespace PocketIT.SocketIO.Adapter;

/// <summary>
/// Rooms kept in this process. A socket's own room (its id) is implicit: nothing is stored for a
/// socket until it joins a named room, so an idle socket costs the adapter nothing.
/// </summary>
public class InMemoryAdapter : ISocketIOAdapter
{
    private readonly object _lock = new();
    private readonly Dictionary<string, HashSet<string>> _rooms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _socketRooms = new(StringComparer.Ordinal);

    public InMemoryAdapter(SocketIONamespace ns) => Namespace = ns;

    public SocketIONamespace Namespace { get; }

    public virtual void AddAll(string socketId, IEnumerable<string> rooms)
    {
        lock (_lock)
        {
            foreach (var room in rooms)
            {
                if (room == socketId) continue;
                if (!_socketRooms.TryGetValue(socketId, out var mine)) _socketRooms[socketId] = mine = new HashSet<string>(StringComparer.Ordinal);
                mine.Add(room);
                if (!_rooms.TryGetValue(room, out var members)) _rooms[room] = members = new HashSet<string>(StringComparer.Ordinal);
                members.Add(socketId);
            }
        }
    }

    public virtual void Delete(string socketId, string room)
    {
        lock (_lock)
        {
            if (_socketRooms.TryGetValue(socketId, out var mine) && mine.Remove(room) && mine.Count == 0) _socketRooms.Remove(socketId);
            RemoveMember(room, socketId);
        }
    }

    public virtual void DeleteAll(string socketId)
    {
        lock (_lock)
        {
            if (!_socketRooms.Remove(socketId, out var mine)) return;
            foreach (var room in mine) RemoveMember(room, socketId);
        }
    }

    private void RemoveMember(string room, string socketId)
    {
        if (_rooms.TryGetValue(room, out var members) && members.Remove(socketId) && members.Count == 0) _rooms.Remove(room);
    }

    public IReadOnlyCollection<string> GetRooms(string socketId)
    {
        lock (_lock)
        {
            var result = new List<string> { socketId };
            if (_socketRooms.TryGetValue(socketId, out var mine)) result.AddRange(mine);
            return result;
        }
    }

    public IReadOnlyList<string> GetLocalSocketIds(BroadcastOptions options)
    {
        var result = new List<string>();
        if (options.Rooms.Count == 0)
        {
            foreach (var socket in Namespace.Sockets)
                if (!IsExcluded(socket.Id, options)) result.Add(socket.Id);
            return result;
        }
        var seen = options.Rooms.Count > 1 ? new HashSet<string>(StringComparer.Ordinal) : null;
        lock (_lock)
        {
            foreach (var room in options.Rooms)
            {
                if (_rooms.TryGetValue(room, out var members))
                {
                    foreach (var id in members)
                        if ((seen is null || seen.Add(id)) && !IsExcludedLocked(id, options)) result.Add(id);
                }
                else if (Namespace.TryGetSocket(room, out _) && (seen is null || seen.Add(room)) && !IsExcludedLocked(room, options))
                {
                    result.Add(room);
                }
            }
        }
        return result;
    }

    private bool IsExcluded(string socketId, BroadcastOptions options)
    {
        if (options.Except.Count == 0) return false;
        lock (_lock) return IsExcludedLocked(socketId, options);
    }

    private bool IsExcludedLocked(string socketId, BroadcastOptions options)
    {
        if (options.Except.Count == 0) return false;
        if (options.Except.Contains(socketId)) return true;
        if (!_socketRooms.TryGetValue(socketId, out var mine)) return false;
        foreach (var room in options.Except)
            if (mine.Contains(room)) return true;
        return false;
    }

    public virtual Task BroadcastAsync(EncodedPacket packet, BroadcastOptions options)
    {
        DeliverLocally(packet, options);
        return Task.CompletedTask;
    }

    /// <summary>Sends to the selected sockets of this process; a cluster adapter calls it for packets from other nodes too.</summary>
    protected void DeliverLocally(EncodedPacket packet, BroadcastOptions options)
    {
        if (options.Rooms.Count == 0 && options.Except.Count == 0)
        {
            foreach (var socket in Namespace.Sockets) socket.SendPacket(packet);
            return;
        }
        foreach (var id in GetLocalSocketIds(options))
            if (Namespace.TryGetSocket(id, out var socket)) socket.SendPacket(packet);
    }

    public virtual Task<IReadOnlyList<string>> FetchSocketIdsAsync(BroadcastOptions options) =>
        Task.FromResult(GetLocalSocketIds(options));

    public virtual void Dispose() { }
}
