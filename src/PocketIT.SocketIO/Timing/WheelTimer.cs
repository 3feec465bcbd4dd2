namespace PocketIT.SocketIO.Timing;

/// <summary>
/// One schedulable entry of a <see cref="TimerWheel"/>. Owners keep and reuse one instance
/// (a session has one heartbeat timer), so rescheduling allocates nothing.
/// </summary>
public sealed class WheelTimer
{
    private readonly Action<object?> _callback;
    private readonly object? _state;

    // Intrusive doubly linked list inside a wheel slot; guarded by the wheel's lock.
    internal WheelTimer? Next;
    internal WheelTimer? Previous;
    internal int Slot = -1;
    internal long DeadlineTick;

    public WheelTimer(Action<object?> callback, object? state)
    {
        _callback = callback;
        _state = state;
    }

    internal bool IsScheduled => Slot >= 0;

    internal void Fire() => _callback(_state);
}
