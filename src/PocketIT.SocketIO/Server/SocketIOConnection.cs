using System.Text.Json;
using PocketIT.SocketIO.Engine;
using PocketIT.SocketIO.Protocol;
using PocketIT.SocketIO.Timing;

namespace PocketIT.SocketIO;

/// <summary>
/// The Socket.IO side of one Engine.IO session: decodes packets, reassembles binary ones, routes
/// them to the socket of their namespace, and closes the connection on anything malformed.
/// </summary>
internal sealed class SocketIOConnection : IEngineIOHandler
{
    private static readonly JsonElement EmptyAuth = JsonDocument.Parse("{}").RootElement.Clone();
    private readonly SocketIOServer _server;
    private readonly object _lock = new();
    private readonly List<SocketIOSocket> _sockets = new(1);
    private List<string>? _connecting;
    private SocketPacket? _partial;
    private WheelTimer? _connectTimer;
    private bool _closed;

    public SocketIOConnection(SocketIOServer server, EngineIOSession session)
    {
        _server = server;
        Session = session;
    }

    public EngineIOSession Session { get; }

    public void OnOpen(EngineIOSession session)
    {
        _connectTimer = new WheelTimer(static s => ((SocketIOConnection)s!).OnConnectTimeout(), this);
        _server.Wheel.Schedule(_connectTimer, _server.Options.ConnectTimeout);
    }

    public void OnMessage(EngineIOSession session, ReadOnlySpan<byte> utf8Text)
    {
        // Text while attachments are awaited, or anything unparsable, ends the connection.
        if (_partial is not null || !SocketPacketDecoder.TryDecode(utf8Text, _server.Options.MaxAttachments, out var packet))
        {
            Fail();
            return;
        }
        if (packet!.AttachmentCount > 0)
        {
            packet.Attachments = new List<byte[]>(packet.AttachmentCount);
            _partial = packet;
            return;
        }
        Dispatch(packet);
    }

    public void OnBinaryMessage(EngineIOSession session, ReadOnlySpan<byte> data)
    {
        var packet = _partial;
        if (packet is null)
        {
            Fail();
            return;
        }
        packet.Attachments!.Add(data.ToArray());
        if (!packet.IsComplete) return;
        _partial = null;
        Dispatch(packet);
    }

    public void OnClose(EngineIOSession session, string reason)
    {
        SocketIOSocket[] sockets;
        lock (_lock)
        {
            _closed = true;
            sockets = _sockets.ToArray();
        }
        if (_connectTimer is not null) _server.Wheel.Cancel(_connectTimer);
        foreach (var socket in sockets) socket.OnClosed(reason);
    }

    private void Fail() => Session.Close(DisconnectReasons.ParseError, clientInitiated: false);

    private void Dispatch(SocketPacket packet)
    {
        if (packet.Type == SocketPacketType.Connect)
        {
            Connect(packet);
            return;
        }
        var socket = Find(packet.Namespace);
        if (socket is null)
        {
            // A packet for a namespace the client has not joined is a protocol violation.
            Fail();
            return;
        }
        socket.OnPacket(packet);
    }

    private void Connect(SocketPacket packet)
    {
        if (!_server.TryGetNamespace(packet.Namespace, out var ns))
        {
            Send(SocketPacketEncoder.EncodeConnectError(packet.Namespace, "Invalid namespace", null, _server.SerializerOptions));
            return;
        }
        lock (_lock)
        {
            if (_closed || FindLocked(ns.Name) is not null || (_connecting?.Contains(ns.Name) ?? false)) return;
            (_connecting ??= new List<string>(1)).Add(ns.Name);
        }
        _server.Observe(ns.ConnectAsync(this, packet.Data ?? EmptyAuth), "Namespace connect");
    }

    private SocketIOSocket? Find(string nsp)
    {
        lock (_lock) return FindLocked(nsp);
    }

    private SocketIOSocket? FindLocked(string nsp)
    {
        foreach (var socket in _sockets)
            if (socket.Namespace.Name == nsp) return socket;
        return null;
    }

    internal void EndConnecting(string nsp)
    {
        lock (_lock)
        {
            _connecting?.Remove(nsp);
            if (_connecting is { Count: 0 }) _connecting = null;
        }
    }

    /// <summary>Registers a socket whose middleware passed; false when the connection closed meanwhile.</summary>
    internal bool AddSocket(SocketIOSocket socket)
    {
        lock (_lock)
        {
            _connecting?.Remove(socket.Namespace.Name);
            if (_connecting is { Count: 0 }) _connecting = null;
            if (_closed) return false;
            _sockets.Add(socket);
        }
        if (_connectTimer is { } timer)
        {
            _server.Wheel.Cancel(timer);
            _connectTimer = null; // an idle connection keeps nothing it no longer needs
        }
        return true;
    }

    internal void RemoveSocket(SocketIOSocket socket)
    {
        lock (_lock) _sockets.Remove(socket);
    }

    internal void Send(EncodedPacket packet) => Session.Send(packet.Frame, packet.Attachments);

    /// <summary>Server-side close of the whole connection: every namespace gets its DISCONNECT first.</summary>
    internal void DisconnectAll()
    {
        SocketIOSocket[] sockets;
        lock (_lock) sockets = _sockets.ToArray();
        foreach (var socket in sockets)
        {
            Send(SocketPacketEncoder.EncodeDisconnect(socket.Namespace.Name));
            socket.OnClosed(DisconnectReasons.ServerNamespaceDisconnect);
        }
        Session.Close();
    }

    private void OnConnectTimeout()
    {
        lock (_lock)
        {
            if (_sockets.Count > 0 || _closed) return;
        }
        Session.Close();
    }
}
