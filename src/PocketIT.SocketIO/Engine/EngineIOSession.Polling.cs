using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace PocketIT.SocketIO.Engine;

/// <summary>HTTP long-polling: a GET is held until there is something to send, a POST carries packets in.</summary>
public sealed partial class EngineIOSession
{
    private static readonly byte[] OkBody = "ok"u8.ToArray();
    private Queue<EngineFrame>? _outbox;
    private TaskCompletionSource<EngineFrame[]>? _pendingGet;
    private bool _postActive;
    private bool _closingPoll;
    private bool _upgrading;
    private Timing.WheelTimer? _upgradeNoopTimer;

    /// <summary>Queues for the next GET; false when the session has meanwhile moved to its WebSocket.</summary>
    private bool SendOverPolling(EngineFrame frame, IReadOnlyList<EngineFrame>? more)
    {
        TaskCompletionSource<EngineFrame[]>? waiter;
        EngineFrame[] batch;
        lock (_lock)
        {
            if (IsWebSocket) return false;
            if (_closed) return true;
            var outbox = _outbox ??= new Queue<EngineFrame>();
            outbox.Enqueue(frame);
            if (more is not null) foreach (var f in more) outbox.Enqueue(f);
            // Polling stays writable during an upgrade, as in the reference server: a client that has
            // not paused its polling yet must not wait for the WebSocket to get its packets.
            if (_pendingGet is null) return true;
            waiter = _pendingGet;
            _pendingGet = null;
            batch = DrainOutbox();
        }
        waiter.TrySetResult(batch);
        return true;
    }

    private EngineFrame[] DrainOutbox()
    {
        if (_outbox is null || _outbox.Count == 0) return [];
        var batch = _outbox.ToArray();
        _outbox.Clear();
        if (batch.Length > 16) _outbox = null; // let a burst's queue go rather than keep it per idle client
        return batch;
    }

    /// <summary>Ends polling on close. Returns true when the sid must stay until a last GET fetches the close packet.</summary>
    private bool ClosePolling(bool clientInitiated, bool flush)
    {
        TaskCompletionSource<EngineFrame[]>? waiter;
        EngineFrame[] batch;
        lock (_lock)
        {
            waiter = _pendingGet;
            _pendingGet = null;
            if (clientInitiated)
            {
                batch = [EngineFrame.Noop];
                _outbox = null;
            }
            else
            {
                (_outbox ??= new Queue<EngineFrame>()).Enqueue(EngineFrame.Close);
                if (waiter is null && flush && !_upgrading)
                {
                    _closingPoll = true;
                    return true;
                }
                batch = DrainOutbox();
            }
        }
        waiter?.TrySetResult(batch);
        return false;
    }

    internal async Task HandlePollAsync(HttpContext context)
    {
        TaskCompletionSource<EngineFrame[]>? waiter = null;
        EngineFrame[]? batch = null;
        var overlap = false;
        var finalPoll = false;
        lock (_lock)
        {
            if (IsWebSocket || (_closed && !_closingPoll)) { }
            else if (_closingPoll) { batch = DrainOutbox(); finalPoll = true; _closingPoll = false; }
            else if (_pendingGet is not null) overlap = true;
            else if (_outbox is { Count: > 0 }) batch = DrainOutbox();
            else _pendingGet = waiter = new TaskCompletionSource<EngineFrame[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        if (finalPoll) _server.Remove(this);
        if (waiter is not null && Volatile.Read(ref _upgrading)) ScheduleUpgradeNoop();
        if (batch is null && waiter is null)
        {
            if (overlap) Close("transport error", clientInitiated: false);
            await EngineErrors.WriteAsync(context, EngineErrors.BadRequest);
            return;
        }
        if (waiter is not null)
        {
            using var abort = context.RequestAborted.Register(static s => ((EngineIOSession)s!).OnPollAborted(), this);
            batch = await waiter.Task;
            if (context.RequestAborted.IsCancellationRequested) return;
        }
        var body = PollingPayload.Encode(batch!);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/plain; charset=UTF-8";
        context.Response.ContentLength = body.Length;
        ApplyCommonHeaders(context.Response);
        await context.Response.Body.WriteAsync(body);
    }

    private void OnPollAborted()
    {
        bool wasPending;
        lock (_lock)
        {
            wasPending = _pendingGet is not null;
            _pendingGet?.TrySetResult([]);
            _pendingGet = null;
        }
        // A client that drops its poll is gone: the reference server treats it as a transport close.
        if (wasPending) Close("transport close", clientInitiated: true);
    }

    internal async Task HandlePostAsync(HttpContext context)
    {
        bool overlap, reject;
        lock (_lock)
        {
            overlap = _postActive;
            reject = IsWebSocket || _closed || overlap;
            if (!reject) _postActive = true;
        }
        if (reject)
        {
            if (overlap) Close("transport error", clientInitiated: false);
            await EngineErrors.WriteAsync(context, EngineErrors.BadRequest);
            return;
        }
        try
        {
            var max = Options.MaxHttpBufferSize;
            if (context.Request.ContentLength > max)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }
            var (buffer, length) = await ReadBodyAsync(context.Request.Body, max);
            if (buffer is null)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }
            bool valid;
            try
            {
                valid = length > 0 && PollingPayload.Decode(buffer.AsSpan(0, length),
                    packet => IsClosed || ProcessTextPacket(packet),
                    data => { if (!IsClosed) ProcessBinaryPacket(data); return true; });
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
            if (!valid)
            {
                Close("parse error", clientInitiated: false);
                await EngineErrors.WriteAsync(context, EngineErrors.BadRequest);
                return;
            }
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "text/html";
            context.Response.ContentLength = OkBody.Length;
            ApplyCommonHeaders(context.Response);
            await context.Response.Body.WriteAsync(OkBody);
        }
        finally
        {
            lock (_lock) _postActive = false;
        }
    }

    /// <summary>Reads a request body into a pooled buffer; null when it exceeds <paramref name="max"/>.</summary>
    private static async Task<(byte[]? Buffer, int Length)> ReadBodyAsync(Stream body, int max)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        var length = 0;
        while (length <= max)
        {
            if (length == buffer.Length)
            {
                var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan(0, length).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = bigger;
            }
            var read = await body.ReadAsync(buffer.AsMemory(length));
            if (read == 0) return (buffer, length);
            length += read;
        }
        ArrayPool<byte>.Shared.Return(buffer);
        return (null, 0);
    }

    /// <summary>While an upgrade is pending, a poll is answered with a noop after a short wait, as the
    /// reference server does every 100 ms, so a client still polling neither hangs nor spins.</summary>
    private void ScheduleUpgradeNoop()
    {
        var timer = _upgradeNoopTimer ??= new Timing.WheelTimer(static s => ((EngineIOSession)s!).OnUpgradeNoop(), this);
        _server.Wheel.Schedule(timer, TimeSpan.FromMilliseconds(100));
    }

    private void OnUpgradeNoop()
    {
        TaskCompletionSource<EngineFrame[]>? waiter;
        lock (_lock)
        {
            if (!_upgrading) return;
            waiter = _pendingGet;
            _pendingGet = null;
        }
        waiter?.TrySetResult([EngineFrame.Noop]);
    }

    /// <summary>The probe answered: hand the waiting poll a noop so the client can pause polling.</summary>
    private void BeginUpgrade()
    {
        TaskCompletionSource<EngineFrame[]>? waiter;
        lock (_lock)
        {
            _upgrading = true;
            waiter = _pendingGet;
            _pendingGet = null;
        }
        waiter?.TrySetResult([EngineFrame.Noop]);
    }
}
