using Microsoft.Extensions.Time.Testing;
using PocketIT.SocketIO.Timing;

namespace PocketIT.SocketIO.Tests.Protocol;

public sealed class TimerWheelTests
{
    private static void Advance(FakeTimeProvider time, int ms)
    {
        for (var i = 0; i < ms; i += 10) time.Advance(TimeSpan.FromMilliseconds(10));
    }

    [Fact]
    public void Timer_fires_once_at_its_deadline_and_not_before_the_previous_tick()
    {
        var time = new FakeTimeProvider();
        using var wheel = new TimerWheel(time, TimeSpan.FromMilliseconds(10));
        var fired = 0;
        wheel.Schedule(new WheelTimer(_ => fired++, null), TimeSpan.FromMilliseconds(300));
        Advance(time, 280);
        Assert.Equal(0, fired);
        Advance(time, 30);
        Assert.Equal(1, fired);
        Advance(time, 1000);
        Assert.Equal(1, fired);
    }

    [Fact]
    public void Cancelled_timer_does_not_fire_and_rescheduling_moves_it()
    {
        var time = new FakeTimeProvider();
        using var wheel = new TimerWheel(time, TimeSpan.FromMilliseconds(10));
        var fired = new List<string>();
        var a = new WheelTimer(_ => fired.Add("a"), null);
        var b = new WheelTimer(_ => fired.Add("b"), null);
        wheel.Schedule(a, TimeSpan.FromMilliseconds(100));
        wheel.Schedule(b, TimeSpan.FromMilliseconds(100));
        wheel.Cancel(a);
        wheel.Schedule(b, TimeSpan.FromMilliseconds(500));
        Advance(time, 200);
        Assert.Empty(fired);
        Advance(time, 400);
        Assert.Equal(["b"], fired);
    }

    [Fact]
    public void Deadlines_beyond_one_turn_of_the_wheel_wait_for_their_turn()
    {
        var time = new FakeTimeProvider();
        using var wheel = new TimerWheel(time, TimeSpan.FromMilliseconds(10));
        var fired = 0;
        wheel.Schedule(new WheelTimer(_ => fired++, null), TimeSpan.FromSeconds(25)); // 2.4 turns of 1,024 slots
        time.Advance(TimeSpan.FromSeconds(24.9));
        Assert.Equal(0, fired);
        time.Advance(TimeSpan.FromSeconds(0.2));
        Assert.Equal(1, fired);
    }
}
