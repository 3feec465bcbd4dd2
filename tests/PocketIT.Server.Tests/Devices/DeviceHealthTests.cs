using PocketIT.Server.PocketIt.Devices;

namespace PocketIT.Server.Tests.Devices;

/// <summary>The banding and averaging logic alone, without a server.</summary>
public sealed class DeviceHealthTests
{
    private static HealthDeviceRow Row(string id, int? score) => new(id, "H-" + id, score, null, null, null, null, null);

    [Fact]
    public void Empty_fleet_has_no_average_and_zero_counts()
    {
        var summary = DeviceHealth.Summarize([]);
        Assert.Null(summary.AvgScore);
        Assert.Equal(new HealthBreakdown(0, 0, 0, 0), summary.Breakdown);
    }

    [Fact]
    public void Worst_devices_come_first_and_unscanned_last()
    {
        var summary = DeviceHealth.Summarize([Row("a", null), Row("b", 90), Row("c", 10), Row("d", 50)]);
        Assert.Equal(new[] { "c", "d", "b", "a" }, summary.Devices.Select(d => d.DeviceId));
        Assert.Equal(50, summary.AvgScore);
    }
}
