using System.Collections.Immutable;
using PocketIT.SocketIO.Adapter;
using PocketIT.SocketIO.Protocol;

namespace PocketIT.SocketIO;

/// <summary>
/// Selects sockets of a namespace by room and sends to them: <c>ns.To("room").Except("muted").EmitAsync(...)</c>.
/// Immutable: each call returns a new selection. The packet is encoded once for all recipients.
/// </summary>
public sealed class BroadcastOperator
{
    private readonly SocketIONamespace _namespace;
    private readonly ImmutableHashSet<string> _rooms;
    private readonly ImmutableHashSet<string> _except;

    internal BroadcastOperator(SocketIONamespace ns, ImmutableHashSet<string> rooms, ImmutableHashSet<string> except)
    {
        _namespace = ns;
        _rooms = rooms;
        _except = except;
    }

    internal static readonly ImmutableHashSet<string> NoRooms = ImmutableHashSet.Create<string>(StringComparer.Ordinal);

    /// <summary>Adds a room (or a socket id) to the recipients.</summary>
    public BroadcastOperator To(string room) => new(_namespace, _rooms.Add(room), _except);
    public BroadcastOperator To(IEnumerable<string> rooms) => new(_namespace, _rooms.Union(rooms), _except);
    public BroadcastOperator In(string room) => To(room);

    /// <summary>Leaves out the members of a room (or one socket, by id).</summary>
    public BroadcastOperator Except(string room) => new(_namespace, _rooms, _except.Add(room));

    internal BroadcastOptions Options => new(_rooms, _except);

    public Task EmitAsync(string eventName, params object?[] args)
    {
        SocketIOSocket.EnsureNotReserved(eventName);
        var packet = SocketPacketEncoder.EncodeEvent(_namespace.Name, eventName, args, -1, _namespace.Server.SerializerOptions);
        return _namespace.Adapter.BroadcastAsync(packet, Options);
    }

    /// <summary>The selected sockets connected to this process.</summary>
    public IReadOnlyList<SocketIOSocket> GetLocalSockets()
    {
        var result = new List<SocketIOSocket>();
        foreach (var id in _namespace.Adapter.GetLocalSocketIds(Options))
            if (_namespace.TryGetSocket(id, out var socket)) result.Add(socket);
        return result;
    }

    /// <summary>Ids of the selected sockets, across every node the adapter reaches.</summary>
    public Task<IReadOnlyList<string>> FetchSocketIdsAsync() => _namespace.Adapter.FetchSocketIdsAsync(Options);

    public void SocketsJoin(string room)
    {
        foreach (var socket in GetLocalSockets()) socket.Join(room);
    }

    public void SocketsLeave(string room)
    {
        foreach (var socket in GetLocalSockets()) socket.Leave(room);
    }

    public void DisconnectSockets(bool close = false)
    {
        foreach (var socket in GetLocalSockets()) socket.Disconnect(close);
    }
}
