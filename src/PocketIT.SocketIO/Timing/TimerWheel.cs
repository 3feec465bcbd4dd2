namespace PocketIT.SocketIO.Timing;

/// <summary>
/// A hashed timer wheel driven by one periodic <see cref="TimeProvider"/> timer, shared by every
/// connection of a server: heartbeats, connect timeouts and ack timeouts cost a list node each
/// instead of an OS timer each. Deadlines are rounded down to the tick, so a timer fires at most
/// one resolution early and never late by more than the timer's own jitter.
/// </summary>
public sealed class TimerWheel : IDisposable
{
    private const int SlotCount = 1024; // power of two, so a slot is deadline & mask
    private readonly WheelTimer?[] _slots = new WheelTimer?[SlotCount];
    private readonly object _lock = new();
    private readonly TimeProvider _time;
    private readonly long _startTimestamp;
    private readonly long _resolutionTicks; // in TimeProvider timestamp units
    private readonly ITimer _timer;
    private readonly List<WheelTimer> _due = new();
    private long _currentTick;
    private bool _disposed;

    public TimerWheel(TimeProvider time, TimeSpan resolution)
    {
        if (resolution <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(resolution));
        _time = time;
        _startTimestamp = time.GetTimestamp();
        _resolutionTicks = Math.Max(1, (long)(resolution.TotalSeconds * time.TimestampFrequency));
        _timer = time.CreateTimer(static s => ((TimerWheel)s!).Advance(), this, resolution, resolution);
    }

    public TimeProvider TimeProvider => _time;

    public void Schedule(WheelTimer timer, TimeSpan delay)
    {
        var elapsed = _time.GetTimestamp() - _startTimestamp;
        var deadline = (elapsed + (long)(delay.TotalSeconds * _time.TimestampFrequency)) / _resolutionTicks;
        lock (_lock)
        {
            if (_disposed) return;
            Unlink(timer);
            if (deadline <= _currentTick) deadline = _currentTick + 1;
            timer.DeadlineTick = deadline;
            var slot = (int)(deadline & (SlotCount - 1));
            timer.Slot = slot;
            timer.Previous = null;
            timer.Next = _slots[slot];
            if (timer.Next is not null) timer.Next.Previous = timer;
            _slots[slot] = timer;
        }
    }

    public void Cancel(WheelTimer timer)
    {
        lock (_lock) Unlink(timer);
    }

    private void Unlink(WheelTimer timer)
    {
        if (timer.Slot < 0) return;
        if (timer.Previous is not null) timer.Previous.Next = timer.Next;
        else _slots[timer.Slot] = timer.Next;
        if (timer.Next is not null) timer.Next.Previous = timer.Previous;
        timer.Next = timer.Previous = null;
        timer.Slot = -1;
    }

    private void Advance()
    {
        // Only one Advance runs at a time; a slow tick makes the next catch up rather than overlap.
        if (!Monitor.TryEnter(_due)) return;
        try
        {
            var target = (_time.GetTimestamp() - _startTimestamp) / _resolutionTicks;
            lock (_lock)
            {
                while (_currentTick < target)
                {
                    _currentTick++;
                    var slot = (int)(_currentTick & (SlotCount - 1));
                    var node = _slots[slot];
                    while (node is not null)
                    {
                        var next = node.Next;
                        if (node.DeadlineTick <= _currentTick)
                        {
                            Unlink(node);
                            _due.Add(node);
                        }
                        node = next;
                    }
                }
            }
            foreach (var timer in _due)
            {
                try { timer.Fire(); }
                catch { /* a timer callback must not stop the wheel */ }
            }
            _due.Clear();
        }
        finally
        {
            Monitor.Exit(_due);
        }
    }

    public void Dispose()
    {
        lock (_lock) _disposed = true;
        _timer.Dispose();
    }
}
