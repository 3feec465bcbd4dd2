using PocketIT.SocketIO.Protocol;
using PocketIT.SocketIO.Timing;

namespace PocketIT.SocketIO;

/// <summary>Events the server sends expecting the client's acknowledgement.</summary>
public sealed partial class SocketIOSocket
{
    private Dictionary<long, PendingAck>? _acks;
    private long _nextAckId;

    private sealed class PendingAck
    {
        public readonly TaskCompletionSource<SocketIOArguments> Completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public WheelTimer? Timer;
    }

    /// <summary>Sends an event and waits for the client's acknowledgement (its callback's arguments).</summary>
    public Task<SocketIOArguments> EmitWithAckAsync(string eventName, object?[] args, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        EnsureNotReserved(eventName);
        if (!Connected) return Task.FromException<SocketIOArguments>(new SocketIODisconnectedException(DisconnectReason ?? "not connected"));
        var pending = new PendingAck();
        long id;
        lock (this)
        {
            id = _nextAckId++;
            (_acks ??= new Dictionary<long, PendingAck>())[id] = pending;
        }
        var wheel = Namespace.Server.Wheel;
        pending.Timer = new WheelTimer(static s =>
        {
            var (socket, ackId) = ((SocketIOSocket, long))s!;
            socket.CompleteAck(ackId, null, new SocketIOAckTimeoutException($"No acknowledgement within the timeout (ack {ackId})."));
        }, (this, id));
        wheel.Schedule(pending.Timer, timeout ?? Namespace.Server.Options.AckTimeout);
        if (cancellationToken.CanBeCanceled)
            cancellationToken.Register(() => CompleteAck(id, null, new OperationCanceledException(cancellationToken)));
        SendPacket(SocketPacketEncoder.EncodeEvent(Namespace.Name, eventName, args, id, Namespace.Server.SerializerOptions));
        return pending.Completion.Task;
    }

    /// <summary>Sends an event and returns the first argument of the client's acknowledgement.</summary>
    public async Task<T?> EmitWithAckAsync<T>(string eventName, object?[] args, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var response = await EmitWithAckAsync(eventName, args, timeout, cancellationToken).ConfigureAwait(false);
        return response.Get<T>(0);
    }

    private void OnAck(SocketPacket packet) =>
        CompleteAck(packet.AckId, new SocketIOArguments(packet.Data!.Value, 0, packet.Attachments, Namespace.Server.SerializerOptions), null);

    private void CompleteAck(long id, SocketIOArguments? result, Exception? error)
    {
        PendingAck? pending;
        lock (this)
        {
            if (_acks is null || !_acks.Remove(id, out pending)) return;
            if (_acks.Count == 0) _acks = null;
        }
        if (pending.Timer is not null) Namespace.Server.Wheel.Cancel(pending.Timer);
        if (error is not null) pending.Completion.TrySetException(error);
        else pending.Completion.TrySetResult(result!);
    }

    private void FailPendingAcks(string reason)
    {
        Dictionary<long, PendingAck>? acks;
        lock (this)
        {
            acks = _acks;
            _acks = null;
        }
        if (acks is null) return;
        foreach (var pending in acks.Values)
        {
            if (pending.Timer is not null) Namespace.Server.Wheel.Cancel(pending.Timer);
            pending.Completion.TrySetException(new SocketIODisconnectedException(reason));
        }
    }
}
