using System.Text.Json;
using PocketIT.Server.Core.Devices;
using PocketIT.Server.PocketIt.Devices;

namespace PocketIT.Server.Tests.Devices;

public sealed class SystemProfileMapperTests
{
    private static Device Map(object profile, Device? device = null)
    {
        device ??= new Device { DeviceId = "d", SecretHash = "h", Hostname = "HOST" };
        SystemProfileMapper.Apply(device, JsonSerializer.SerializeToElement(profile));
        return device;
    }

    [Fact]
    public void Zero_values_are_stored_as_zero_not_null()
    {
        var device = Map(new { totalRamGB = 0, totalDiskGB = 0, processorCount = 0, uptimeHours = 0 });
        Assert.Equal(0, device.TotalRamGb);
        Assert.Equal(0, device.TotalDiskGb);
        Assert.Equal(0, device.ProcessorCount);
        Assert.Equal(0, device.UptimeHours);
    }

    [Fact]
    public void Extended_fields_map_to_their_columns()
    {
        var device = Map(new
        {
            cpuModel = "CPU", osEdition = "Pro", osBuild = "22631.4317", gpuModel = new[] { "A", "B" }, uptimeHours = 12.345,
            loggedInUsers = new[] { "alice" }, networkAdapters = new { Name = "Ethernet", Status = "Up" }, secureBoot = true,
            formFactor = "Laptop", domainJoinType = "Workgroup", hostname = "EVIL",
        });
        Assert.Equal("CPU", device.CpuModel);
        Assert.Equal("22631.4317", device.OsBuild);
        Assert.Equal("A;B", device.GpuModel);
        Assert.Equal(12.3, device.UptimeHours);
        Assert.Equal("""["alice"]""", device.LoggedInUsers);
        Assert.StartsWith("[{", device.NetworkAdapters);
        Assert.Equal("True", device.SecureBoot);
        Assert.Equal("Not Present", device.TpmVersion);
        Assert.Equal("HOST", device.Hostname);
    }

    [Fact]
    public void A_changed_user_list_keeps_the_previous_one()
    {
        var device = Map(new { loggedInUsers = new[] { "alice" } });
        Map(new { loggedInUsers = new[] { "bob" } }, device);
        Assert.Equal("""["alice"]""", device.PreviousLoggedInUsers);
        Assert.Equal("""["bob"]""", device.LoggedInUsers);
    }

    [Fact]
    public void Wrong_types_and_non_objects_change_nothing()
    {
        var device = Map(new { cpuModel = 5, totalRamGB = "lots", processorCount = -3 });
        Assert.Null(device.CpuModel);
        Assert.Null(device.TotalRamGb);
        Assert.Null(device.ProcessorCount);
        SystemProfileMapper.Apply(device, JsonSerializer.SerializeToElement(new[] { 1, 2 }));
        Assert.Null(device.CpuModel);
    }
}
