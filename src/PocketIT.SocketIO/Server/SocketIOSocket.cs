using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json;
using PocketIT.SocketIO.Protocol;

namespace PocketIT.SocketIO;

/// <summary>One client's presence in one namespace.</summary>
public sealed partial class SocketIOSocket
{
    private ConcurrentDictionary<string, Func<SocketIOEvent, Task>>? _handlers;
    private ConcurrentDictionary<string, object?>? _data;
    private List<Func<string, Task>>? _onDisconnect;
    private int _disconnected;

    internal SocketIOSocket(SocketIONamespace ns, SocketIOConnection connection, SocketIOHandshake handshake)
    {
        Namespace = ns;
        Connection = connection;
        Handshake = handshake;
        Id = SocketIOServer.NewId();
    }

    public string Id { get; }
    public SocketIONamespace Namespace { get; }
    public SocketIOHandshake Handshake { get; }
    internal SocketIOConnection Connection { get; }

    /// <summary>The Engine.IO session id shared by all namespaces of this client's connection.</summary>
    public string ConnectionId => Connection.Session.Id;

    public IServiceProvider Services => Namespace.Server.Services;

    /// <summary>Free per-socket state (the user, the device, ...).</summary>
    public ConcurrentDictionary<string, object?> Data => _data ?? Interlocked.CompareExchange(ref _data, new(), null) ?? _data;

    public bool Connected => Volatile.Read(ref _disconnected) == 0;
    public string? DisconnectReason { get; private set; }

    /// <summary>Current transport: "polling" or "websocket".</summary>
    public string Transport => Connection.Session.TransportName;

    /// <summary>Handles an event for this socket only.</summary>
    public SocketIOSocket On(string eventName, Func<SocketIOEvent, Task> handler)
    {
        var handlers = _handlers ?? Interlocked.CompareExchange(ref _handlers, new(StringComparer.Ordinal), null) ?? _handlers;
        handlers[eventName] = handler;
        return this;
    }

    public SocketIOSocket OnDisconnect(Func<string, Task> handler)
    {
        var list = _onDisconnect ?? Interlocked.CompareExchange(ref _onDisconnect, new(), null) ?? _onDisconnect;
        lock (list) list.Add(handler);
        return this;
    }

    /// <summary>Sends an event to this socket.</summary>
    public ValueTask EmitAsync(string eventName, params object?[] args)
    {
        EnsureNotReserved(eventName);
        if (!Connected) return ValueTask.CompletedTask;
        SendPacket(SocketPacketEncoder.EncodeEvent(Namespace.Name, eventName, args, -1, Namespace.Server.SerializerOptions));
        return ValueTask.CompletedTask;
    }

    public void Join(string room) => Namespace.Adapter.AddAll(Id, [room]);
    public void Join(IEnumerable<string> rooms) => Namespace.Adapter.AddAll(Id, rooms);
    public void Leave(string room) => Namespace.Adapter.Delete(Id, room);
    public IReadOnlyCollection<string> Rooms => Namespace.Adapter.GetRooms(Id);

    /// <summary>Everyone in the namespace but this socket.</summary>
    public BroadcastOperator Broadcast => new(Namespace, BroadcastOperator.NoRooms, BroadcastOperator.NoRooms.Add(Id));

    /// <summary>Members of a room, this socket excluded.</summary>
    public BroadcastOperator To(string room) => Broadcast.To(room);
    public BroadcastOperator Except(string room) => Broadcast.Except(room);

    /// <summary>Leaves the namespace (the client gets a DISCONNECT); with <paramref name="close"/> the whole connection is closed.</summary>
    public void Disconnect(bool close = false)
    {
        if (!Connected) return;
        if (close)
        {
            Connection.DisconnectAll();
            return;
        }
        SendPacket(SocketPacketEncoder.EncodeDisconnect(Namespace.Name));
        OnClosed(DisconnectReasons.ServerNamespaceDisconnect);
    }

    internal void SendPacket(EncodedPacket packet) => Connection.Send(packet);

    internal static void EnsureNotReserved(string eventName)
    {
        if (SocketPacketDecoder.ReservedEvents.Contains(eventName))
            throw new ArgumentException($"\"{eventName}\" is a reserved event name.", nameof(eventName));
    }

    internal void OnPacket(SocketPacket packet)
    {
        switch (packet.Type)
        {
            case SocketPacketType.Event or SocketPacketType.BinaryEvent:
                OnEvent(packet);
                break;
            case SocketPacketType.Ack or SocketPacketType.BinaryAck:
                OnAck(packet);
                break;
            case SocketPacketType.Disconnect:
                OnClosed(DisconnectReasons.ClientNamespaceDisconnect);
                break;
        }
    }

    private void OnEvent(SocketPacket packet)
    {
        var array = packet.Data!.Value;
        var nameElement = array[0];
        var name = nameElement.ValueKind == JsonValueKind.String ? nameElement.GetString()! : nameElement.GetRawText();
        Func<SocketIOEvent, Task>? handler = null;
        _handlers?.TryGetValue(name, out handler);
        handler ??= Namespace.FindHandler(name);
        if (handler is null) return;
        var ev = new SocketIOEvent(this, name, array, packet.Attachments, packet.AckId, Namespace.Server.SerializerOptions);
        Task task;
        try { task = handler(ev); }
        catch (Exception ex) { task = Task.FromException(ex); }
        Namespace.Server.Observe(task, "Event handler");
    }

    /// <summary>Marks the socket gone (once), detaches it and runs the disconnect handlers.</summary>
    internal void OnClosed(string reason)
    {
        if (Interlocked.Exchange(ref _disconnected, 1) != 0) return;
        DisconnectReason = reason;
        Connection.RemoveSocket(this);
        FailPendingAcks(reason);
        Namespace.OnSocketClosed(this, reason);
        if (_onDisconnect is { } list)
        {
            Func<string, Task>[] handlers;
            lock (list) handlers = list.ToArray();
            foreach (var handler in handlers)
            {
                Task task;
                try { task = handler(reason); }
                catch (Exception ex) { task = Task.FromException(ex); }
                Namespace.Server.Observe(task, "Disconnect handler");
            }
        }
    }
}
