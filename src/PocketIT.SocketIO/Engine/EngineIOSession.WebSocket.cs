using System.Buffers;
using System.Net.WebSockets;
using PocketIT.SocketIO.Timing;

namespace PocketIT.SocketIO.Engine;

/// <summary>
/// The WebSocket transport: one Engine.IO packet per message, binary messages raw. An idle socket
/// waits with a zero-byte read and holds no buffer; one is rented only while a message arrives.
/// </summary>
public sealed partial class EngineIOSession
{
    private const int InitialReceiveBuffer = 4096;
    private WebSocket? _webSocket;
    private BatchingUpgradeStream? _wsStream;
    private Queue<EngineFrame>? _wsQueue;
    private bool _wsSending;
    private bool _wsCloseRequested;
    private Task? _wsCloseTask;
    private WebSocket? _probe;
    private BatchingUpgradeStream? _probeStream;
    private WheelTimer? _probeTimer;

    internal void AttachWebSocket(WebSocket webSocket, BatchingUpgradeStream? stream)
    {
        _webSocket = webSocket;
        _wsStream = stream;
    }

    private void SendOverWebSocket(EngineFrame frame, IReadOnlyList<EngineFrame>? more)
    {
        lock (_lock)
        {
            if (_closed || _webSocket is null) return;
            if (_wsSending)
            {
                var queue = _wsQueue ??= new Queue<EngineFrame>();
                queue.Enqueue(frame);
                if (more is not null) foreach (var f in more) queue.Enqueue(f);
                return;
            }
            _wsSending = true;
            if (more is { Count: > 0 })
            {
                var queue = _wsQueue ??= new Queue<EngineFrame>();
                foreach (var f in more) queue.Enqueue(f);
            }
        }
        Pump(frame);
    }

    /// <summary>Sends <paramref name="frame"/> then whatever queued meanwhile, then flushes once; only one
    /// pump runs per socket. Synchronous completions stay on this thread, so the common case allocates no
    /// state machine, and a burst of messages leaves in one flush.</summary>
    private void Pump(EngineFrame frame)
    {
        var ws = _webSocket!;
        var stream = _wsStream;
        while (true)
        {
            // Gather into one write only when more frames wait behind this one.
            if (stream is not null) stream.DeferFlush = HasQueuedFrames();
            ValueTask sending;
            try
            {
                sending = ws.SendAsync(new ReadOnlyMemory<byte>(frame.Data), frame.IsBinary ? WebSocketMessageType.Binary : WebSocketMessageType.Text, true, CancellationToken.None);
            }
            catch (Exception)
            {
                OnSendFailed();
                return;
            }
            if (!sending.IsCompletedSuccessfully)
            {
                _ = PumpAfterAsync(sending.AsTask());
                return;
            }
            if (TryDequeue(out frame)) continue;
            if (stream is { HasUnflushedWrites: true })
            {
                var flushing = stream.FlushAsync();
                if (!flushing.IsCompletedSuccessfully)
                {
                    _ = PumpAfterAsync(flushing);
                    return;
                }
            }
            if (!TryTakeNext(out frame)) return;
        }
    }

    private bool HasQueuedFrames()
    {
        lock (_lock) return _wsQueue is { Count: > 0 };
    }

    private async Task PumpAfterAsync(Task pending)
    {
        try
        {
            await pending.ConfigureAwait(false);
            // Whatever was written before the wait still needs its flush.
            if (_wsStream is { HasUnflushedWrites: true } stream && !HasQueuedFrames()) await stream.FlushAsync().ConfigureAwait(false);
        }
        catch (Exception)
        {
            OnSendFailed();
            return;
        }
        if (TryTakeNext(out var next)) Pump(next);
    }

    private bool TryDequeue(out EngineFrame frame)
    {
        lock (_lock)
        {
            if (_wsQueue is { Count: > 0 } queue)
            {
                frame = queue.Dequeue();
                return true;
            }
        }
        frame = default;
        return false;
    }

    /// <summary>Takes the next queued frame, or ends the pump (and starts a requested close) when there is none.</summary>
    private bool TryTakeNext(out EngineFrame frame)
    {
        bool closeNow;
        lock (_lock)
        {
            if (_wsQueue is not null && _wsQueue.TryDequeue(out frame)) return true;
            _wsQueue = null; // an idle socket keeps no queue
            closeNow = _wsCloseRequested;
            _wsCloseRequested = false;
            _wsSending = closeNow; // a closing socket accepts no more sends
            if (_wsStream is { } stream) stream.DeferFlush = false;
        }
        // A control frame the WebSocket wrote itself during the burst may still wait for its flush.
        if (_wsStream is { HasUnflushedWrites: true } s) _ = FlushQuietlyAsync(s);
        if (closeNow) StartCloseHandshake();
        frame = default;
        return false;
    }

    private static async Task FlushQuietlyAsync(BatchingUpgradeStream stream)
    {
        try { await stream.FlushAsync().ConfigureAwait(false); }
        catch (Exception) { /* the receive loop notices a dead connection */ }
    }

    private void OnSendFailed()
    {
        lock (_lock) { _wsSending = false; _wsQueue = null; }
        _webSocket?.Abort();
        Close("transport error", clientInitiated: true);
    }

    private void CloseWebSocket()
    {
        lock (_lock)
        {
            if (_wsSending)
            {
                _wsCloseRequested = true; // the pump closes once the queue is flushed
                return;
            }
            _wsSending = true;
        }
        StartCloseHandshake();
    }

    private void StartCloseHandshake()
    {
        var ws = _webSocket;
        if (ws is null) return;
        _wsCloseTask = CloseQuietlyAsync(ws, _wsStream);
    }

    private static async Task CloseQuietlyAsync(WebSocket ws, BatchingUpgradeStream? stream)
    {
        try
        {
            if (ws.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await ws.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).ConfigureAwait(false);
            if (stream is not null) await stream.FlushAsync().ConfigureAwait(false);
        }
        catch (Exception)
        {
            ws.Abort();
        }
    }

    /// <summary>Runs a session that was opened directly over a WebSocket until it ends.</summary>
    internal async Task RunWebSocketAsync(WebSocket ws)
    {
        var reason = await ReceiveLoopAsync(ws).ConfigureAwait(false);
        Close(reason, clientInitiated: reason != "parse error");
        if (_wsCloseTask is { } closing) await closing.ConfigureAwait(false);
    }

    /// <summary>Claims the probe slot for an upgrade; false when the session cannot be upgraded now.</summary>
    internal bool TryBeginProbe()
    {
        lock (_lock)
        {
            if (_closed || IsWebSocket || _probe is not null || _closingPoll) return false;
            _probe = WebSocketPlaceholder.Instance;
            return true;
        }
    }

    internal void ReleaseProbe()
    {
        lock (_lock) if (ReferenceEquals(_probe, WebSocketPlaceholder.Instance)) _probe = null;
    }

    /// <summary>An upgrade: answer "2probe" with "3probe", wait for "5", then move the session onto this socket.</summary>
    internal async Task RunProbeAsync(WebSocket ws, BatchingUpgradeStream? stream)
    {
        lock (_lock)
        {
            if (_closed) { ws.Abort(); return; }
            _probe = ws;
        }
        _probeStream = stream;
        _probeTimer = new WheelTimer(static s => ((EngineIOSession)s!).OnProbeTimeout(), this);
        _server.Wheel.Schedule(_probeTimer, Options.UpgradeTimeout);
        var upgraded = false;
        try
        {
            var probed = false;
            while (!upgraded)
            {
                var message = await ReadMessageAsync(ws, Options.MaxHttpBufferSize).ConfigureAwait(false);
                if (message.Buffer is null) return;
                try
                {
                    var data = message.Buffer.AsSpan(0, message.Length);
                    if (message.Type != WebSocketMessageType.Text) return;
                    if (data.SequenceEqual("2probe"u8))
                    {
                        await ws.SendAsync(EngineFrame.ProbeReply.Data, WebSocketMessageType.Text, true, CancellationToken.None).ConfigureAwait(false);
                        probed = true;
                        BeginUpgrade();
                    }
                    else if (probed && data.SequenceEqual("5"u8))
                    {
                        upgraded = CompleteUpgrade(ws);
                        if (!upgraded) return;
                    }
                    else
                    {
                        return;
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(message.Buffer);
                }
            }
        }
        catch (Exception)
        {
            return;
        }
        finally
        {
            _server.Wheel.Cancel(_probeTimer);
            if (!upgraded) AbandonProbe(ws);
        }
        await RunWebSocketAsync(ws).ConfigureAwait(false);
    }

    private bool CompleteUpgrade(WebSocket ws)
    {
        TaskCompletionSource<EngineFrame[]>? waiter;
        EngineFrame[] pending;
        lock (_lock)
        {
            if (_closed) return false;
            _webSocket = ws;
            _wsStream = _probeStream;
            IsWebSocket = true;
            _probe = null;
            _upgrading = false;
            waiter = _pendingGet;
            _pendingGet = null;
            pending = DrainOutbox();
            _outbox = null;
            if (pending.Length > 0)
            {
                // Queue under the lock so nothing sent meanwhile can overtake what polling had queued.
                _wsQueue = new Queue<EngineFrame>(pending);
                if (_wsSending) pending = [];
                else _wsSending = true;
            }
        }
        waiter?.TrySetResult([EngineFrame.Noop]);
        if (pending.Length > 0 && TryTakeNext(out var first)) Pump(first);
        return true;
    }

    private void AbandonProbe(WebSocket ws)
    {
        lock (_lock)
        {
            if (ReferenceEquals(_probe, ws)) _probe = null;
            _upgrading = false;
        }
        ws.Abort();
    }

    private void OnProbeTimeout()
    {
        WebSocket? probe;
        lock (_lock) probe = IsWebSocket ? null : _probe;
        probe?.Abort();
    }

    private void AbortProbe()
    {
        WebSocket? probe;
        lock (_lock) { probe = _probe; _probe = null; }
        if (probe is not null && !ReferenceEquals(probe, WebSocketPlaceholder.Instance)) probe.Abort();
    }

    /// <summary>Reads messages until the socket ends; returns the close reason.</summary>
    private async Task<string> ReceiveLoopAsync(WebSocket ws)
    {
        try
        {
            while (!IsClosed)
            {
                var message = await ReadMessageAsync(ws, Options.MaxHttpBufferSize).ConfigureAwait(false);
                if (message.Buffer is null) return message.TooBig ? "transport error" : "transport close";
                bool valid;
                try
                {
                    var data = message.Buffer.AsSpan(0, message.Length);
                    if (IsClosed) valid = true;
                    else if (message.Type == WebSocketMessageType.Binary) { ProcessBinaryPacket(data); valid = true; }
                    else valid = ProcessTextPacket(data);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(message.Buffer);
                }
                if (!valid) return "parse error";
            }
            return "transport close";
        }
        catch (Exception)
        {
            return "transport error";
        }
    }

    private readonly record struct ReceivedMessage(byte[]? Buffer, int Length, WebSocketMessageType Type, bool TooBig);

    /// <summary>Waits for a message without a buffer, then reads it (all fragments) into a pooled one.
    /// Buffer is null when the socket closed or the message exceeded <paramref name="max"/>.</summary>
    private static async ValueTask<ReceivedMessage> ReadMessageAsync(WebSocket ws, int max)
    {
        var peek = await ws.ReceiveAsync(Memory<byte>.Empty, CancellationToken.None).ConfigureAwait(false);
        if (peek.MessageType == WebSocketMessageType.Close) return default;
        var buffer = ArrayPool<byte>.Shared.Rent(InitialReceiveBuffer);
        if (peek.EndOfMessage) return new ReceivedMessage(buffer, 0, peek.MessageType, false);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > max) break;
                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                var result = await ws.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return default;
                }
                length += result.Count;
                if (length > max) break;
                if (result.EndOfMessage) return new ReceivedMessage(buffer, length, result.MessageType, false);
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
        ArrayPool<byte>.Shared.Return(buffer);
        try
        {
            await ws.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, null, CancellationToken.None).ConfigureAwait(false);
        }
        catch { ws.Abort(); }
        return new ReceivedMessage(null, 0, default, true);
    }
}
