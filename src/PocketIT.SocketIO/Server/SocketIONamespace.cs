using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PocketIT.SocketIO.Adapter;
using PocketIT.SocketIO.Protocol;

namespace PocketIT.SocketIO;

/// <summary>
/// A Socket.IO namespace: its connection middleware, event handlers shared by all its sockets,
/// its sockets and its rooms (through the adapter).
/// </summary>
public sealed class SocketIONamespace
{
    private readonly ConcurrentDictionary<string, SocketIOSocket> _sockets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Func<SocketIOEvent, Task>> _handlers = new(StringComparer.Ordinal);
    private readonly List<Func<SocketIOConnectContext, Task>> _middleware = new();
    private readonly List<Func<SocketIOSocket, Task>> _onConnection = new();
    private readonly List<Func<SocketIOSocket, string, Task>> _onDisconnect = new();
    private BroadcastOperator? _everyone;

    internal SocketIONamespace(SocketIOServer server, string name)
    {
        Server = server;
        Name = name;
        Adapter = server.Options.AdapterFactory(this);
    }

    public string Name { get; }
    public SocketIOServer Server { get; }
    public ISocketIOAdapter Adapter { get; }

    /// <summary>Sockets of this namespace connected to this process.</summary>
    public IEnumerable<SocketIOSocket> Sockets
    {
        get { foreach (var pair in _sockets) yield return pair.Value; }
    }

    public int SocketCount => _sockets.Count;

    public bool TryGetSocket(string socketId, out SocketIOSocket socket) => _sockets.TryGetValue(socketId, out socket!);

    public SocketIOSocket? GetSocket(string socketId) => _sockets.TryGetValue(socketId, out var s) ? s : null;

    /// <summary>Runs before a socket joins, in order of registration. See <see cref="SocketIOConnectContext.Reject"/>.</summary>
    public SocketIONamespace Use(Func<SocketIOConnectContext, Task> middleware)
    {
        lock (_middleware) _middleware.Add(middleware);
        return this;
    }

    public SocketIONamespace OnConnection(Func<SocketIOSocket, Task> handler)
    {
        lock (_onConnection) _onConnection.Add(handler);
        return this;
    }

    public SocketIONamespace OnConnection(Action<SocketIOSocket> handler) =>
        OnConnection(s => { handler(s); return Task.CompletedTask; });

    public SocketIONamespace OnDisconnect(Func<SocketIOSocket, string, Task> handler)
    {
        lock (_onDisconnect) _onDisconnect.Add(handler);
        return this;
    }

    /// <summary>Handles an event for every socket of the namespace (a socket's own handler wins).</summary>
    public SocketIONamespace On(string eventName, Func<SocketIOEvent, Task> handler)
    {
        _handlers[eventName] = handler;
        return this;
    }

    internal Func<SocketIOEvent, Task>? FindHandler(string eventName) =>
        _handlers.TryGetValue(eventName, out var h) ? h : null;

    private BroadcastOperator Everyone => _everyone ??= new BroadcastOperator(this, BroadcastOperator.NoRooms, BroadcastOperator.NoRooms);

    public BroadcastOperator To(string room) => Everyone.To(room);
    public BroadcastOperator In(string room) => Everyone.To(room);
    public BroadcastOperator Except(string room) => Everyone.Except(room);

    /// <summary>Sends to every socket of the namespace.</summary>
    public Task EmitAsync(string eventName, params object?[] args) => Everyone.EmitAsync(eventName, args);

    /// <summary>Local sockets that are in <paramref name="room"/>.</summary>
    public IReadOnlyList<SocketIOSocket> GetSocketsInRoom(string room) => Everyone.To(room).GetLocalSockets();

    public void DisconnectSockets(bool close = false) => Everyone.DisconnectSockets(close);

    internal async Task ConnectAsync(SocketIOConnection connection, JsonElement auth)
    {
        var handshake = new SocketIOHandshake(connection.Session, auth, Server.Options.TimeProvider.GetUtcNow());
        var socket = new SocketIOSocket(this, connection, handshake);
        var context = new SocketIOConnectContext(socket);
        Func<SocketIOConnectContext, Task>[] middleware;
        lock (_middleware) middleware = _middleware.ToArray();
        try
        {
            foreach (var step in middleware)
            {
                await step(context);
                if (context.RejectMessage is not null) break;
            }
        }
        catch (SocketIOConnectException ex)
        {
            context.Reject(ex.Message, ex.ErrorData);
        }
        catch (Exception ex)
        {
            Server.Logger.LogError(ex, "Connection middleware of namespace {Namespace} failed", Name);
            context.Reject("Internal server error");
        }

        if (context.RejectMessage is not null)
        {
            connection.EndConnecting(Name);
            connection.Send(SocketPacketEncoder.EncodeConnectError(Name, context.RejectMessage, context.RejectData, Server.SerializerOptions));
            return;
        }
        if (!connection.AddSocket(socket)) return; // the connection closed meanwhile
        _sockets[socket.Id] = socket;
        connection.Send(SocketPacketEncoder.EncodeConnect(Name, socket.Id));

        Func<SocketIOSocket, Task>[] handlers;
        lock (_onConnection) handlers = _onConnection.ToArray();
        foreach (var handler in handlers)
        {
            try
            {
                await handler(socket);
            }
            catch (Exception ex)
            {
                Server.Logger.LogError(ex, "Connection handler of namespace {Namespace} failed", Name);
            }
        }
    }

    internal void OnSocketClosed(SocketIOSocket socket, string reason)
    {
        _sockets.TryRemove(new KeyValuePair<string, SocketIOSocket>(socket.Id, socket));
        Adapter.DeleteAll(socket.Id);
        Func<SocketIOSocket, string, Task>[] handlers;
        lock (_onDisconnect) handlers = _onDisconnect.ToArray();
        foreach (var handler in handlers) Server.Observe(SafeInvoke(handler, socket, reason), "Disconnect handler");
    }

    private static Task SafeInvoke(Func<SocketIOSocket, string, Task> handler, SocketIOSocket socket, string reason)
    {
        try { return handler(socket, reason); }
        catch (Exception ex) { return Task.FromException(ex); }
    }
}
