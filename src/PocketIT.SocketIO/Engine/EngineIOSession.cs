using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;
using PocketIT.SocketIO.Timing;

namespace PocketIT.SocketIO.Engine;

/// <summary>
/// One Engine.IO session: a client identified by its sid, reachable over long-polling or a
/// WebSocket (after an optional upgrade), kept alive by server pings.
/// </summary>
public sealed partial class EngineIOSession
{
    private readonly EngineIOServer _server;
    private readonly object _lock = new();
    private readonly WheelTimer _heartbeat;
    private IEngineIOHandler _handler = null!;
    private bool _awaitingPong;
    private bool _closed;
    private bool _handlerClosed;

    internal EngineIOSession(EngineIOServer server, string id, HttpContext context, bool webSocket)
    {
        _server = server;
        Id = id;
        IsWebSocket = webSocket;
        RemoteIpAddress = context.Connection.RemoteIpAddress;
        Query = context.Request.Query;
        // A WebSocket's request lives as long as the session, so its headers are used in place; a
        // polling session outlives the request that opened it and keeps a copy.
        Headers = webSocket ? context.Request.Headers : CopyHeaders(context.Request.Headers);
        Url = context.Request.Path + context.Request.QueryString;
        Secure = context.Request.IsHttps;
        _heartbeat = new WheelTimer(static s => ((EngineIOSession)s!).OnHeartbeatTimer(), this);
    }

    public string Id { get; }

    /// <summary>True once the session speaks over a WebSocket (from the start or after the upgrade).</summary>
    public bool IsWebSocket { get; private set; }

    public string TransportName => IsWebSocket ? "websocket" : "polling";
    public IPAddress? RemoteIpAddress { get; }
    public IQueryCollection Query { get; }
    public IHeaderDictionary Headers { get; }
    public string Url { get; }
    public bool Secure { get; }
    public bool IsClosed => Volatile.Read(ref _closed);

    /// <summary>Free for the layer above (the Socket.IO connection keeps itself here).</summary>
    public object? Owner { get; set; }

    private EngineIOOptions Options => _server.Options;

    internal void Start(IEngineIOHandler handler)
    {
        _handler = handler;
        _server.Wheel.Schedule(_heartbeat, Options.PingInterval);
    }

    internal void NotifyOpen() => _handler.OnOpen(this);

    internal byte[] BuildOpenPacket()
    {
        var upgrades = !IsWebSocket && Options.AllowWebSocket && Options.AllowUpgrades ? "[\"websocket\"]" : "[]";
        var json = $"0{{\"sid\":\"{Id}\",\"upgrades\":{upgrades},\"pingInterval\":{(long)Options.PingInterval.TotalMilliseconds},\"pingTimeout\":{(long)Options.PingTimeout.TotalMilliseconds},\"maxPayload\":{Options.MaxHttpBufferSize}}}";
        return System.Text.Encoding.UTF8.GetBytes(json);
    }

    /// <summary>Queues one frame for the client. Dropped silently once the session is closed.</summary>
    public void Send(EngineFrame frame) => Send(frame, null);

    /// <summary>Queues a frame and its binary attachments as one uninterrupted sequence.</summary>
    public void Send(EngineFrame frame, IReadOnlyList<EngineFrame>? attachments)
    {
        if (IsWebSocket || !SendOverPolling(frame, attachments)) SendOverWebSocket(frame, attachments);
    }

    public void SendText(string text) => Send(EngineFrame.Message(text));

    /// <summary>Closes the session from the server side: queued packets are flushed first.</summary>
    public void Close() => Close("forced close", clientInitiated: false);

    internal void Close(string reason, bool clientInitiated)
    {
        lock (_lock)
        {
            if (_closed) return;
            _closed = true;
            _awaitingPong = false;
        }
        _server.Wheel.Cancel(_heartbeat);
        // Only an explicit server close keeps a polling sid alive long enough to deliver the close packet.
        var keepForFinalPoll = !IsWebSocket && ClosePolling(clientInitiated, flush: reason == "forced close");
        if (IsWebSocket) CloseWebSocket();
        if (!keepForFinalPoll) _server.Remove(this);
        // The heartbeat timer becomes the deadline for leftovers (see OnTimerAfterClose).
        _server.Wheel.Schedule(_heartbeat, Options.PingTimeout);
        AbortProbe();
        NotifyClosed(reason);
    }

    private void NotifyClosed(string reason)
    {
        lock (_lock)
        {
            if (_handlerClosed) return;
            _handlerClosed = true;
        }
        try { _handler?.OnClose(this, reason); } catch { /* the session is gone either way */ }
    }

    /// <summary>Handles one text packet from the client; false when it is malformed.</summary>
    internal bool ProcessTextPacket(ReadOnlySpan<byte> packet)
    {
        if (packet.IsEmpty) return false;
        switch (packet[0])
        {
            case EnginePacketType.Message:
                _handler.OnMessage(this, packet[1..]);
                return true;
            case EnginePacketType.Pong:
                OnPong();
                return true;
            case EnginePacketType.Ping:
                // Clients of v4 do not ping, but answering costs nothing and helps older tools.
                Send(packet.Length == 1 ? EngineFrame.Pong : new EngineFrame([EnginePacketType.Pong, .. packet[1..]], false));
                return true;
            case EnginePacketType.Close:
                Close("transport close", clientInitiated: true);
                return true;
            case EnginePacketType.Noop:
                return true;
            default:
                return false;
        }
    }

    internal void ProcessBinaryPacket(ReadOnlySpan<byte> data) => _handler.OnBinaryMessage(this, data);

    private void OnPong()
    {
        lock (_lock)
        {
            if (_closed || !_awaitingPong) return;
            _awaitingPong = false;
        }
        _server.Wheel.Schedule(_heartbeat, Options.PingInterval);
    }

    private void OnHeartbeatTimer()
    {
        bool timedOut;
        lock (_lock)
        {
            timedOut = _awaitingPong;
            if (!_closed) _awaitingPong = true;
        }
        if (IsClosed)
        {
            OnTimerAfterClose();
            return;
        }
        if (timedOut)
        {
            Close("ping timeout", clientInitiated: false);
            return;
        }
        _server.Wheel.Schedule(_heartbeat, Options.PingTimeout);
        Send(EngineFrame.Ping);
    }

    /// <summary>After a close the heartbeat timer is reused as the deadline for leftovers:
    /// a WebSocket whose peer never answered our close frame, or a closing poll nobody fetched.</summary>
    private void OnTimerAfterClose()
    {
        _webSocket?.Abort();
        _server.Remove(this);
    }

    private static HeaderDictionary CopyHeaders(IHeaderDictionary source)
    {
        var copy = new HeaderDictionary(source.Count);
        foreach (var h in source) copy[h.Key] = h.Value;
        return copy;
    }

    internal static void ApplyCommonHeaders(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
    }
}
