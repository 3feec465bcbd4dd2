using System.Net;
using PocketIT.Server.Core.Identity;
using PocketIT.Server.Tests.Infrastructure;

namespace PocketIT.Server.Tests.Devices;

public sealed class DeviceListTests(PocketItFactory factory) : IClassFixture<PocketItFactory>
{
    [Fact]
    public async Task List_rows_have_exactly_the_documented_fields_and_never_the_secret()
    {
        var api = factory.Api();
        var (deviceId, secret) = await api.EnrollDeviceAsync(await api.CreateClientAsync(), "DESKTOP-LIST01");
        await factory.UpdateDeviceAsync(deviceId, d => d.CertificateFingerprint = "AB:CD:EF");

        var response = await api.Get("/api/devices");
        var text = await response.Content.ReadAsStringAsync();
        var row = (await response.ShouldSucceed()).AsArray().Single(d => d!["device_id"]!.GetValue<string>() == deviceId)!;

        // client_id is beyond the document: the dashboard shows and filters devices by client.
        Assert.Equal(new HashSet<string> { "device_id", "hostname", "os_version", "status", "certificate_fingerprint", "enrolled_at", "last_seen", "client_id" },
            row.Keys());
        Assert.Equal("DESKTOP-LIST01", row["hostname"]!.GetValue<string>());
        Assert.Equal("Windows 11 Pro 23H2", row["os_version"]!.GetValue<string>());
        Assert.Equal("online", row["status"]!.GetValue<string>());
        Assert.Equal("AB:CD:EF", row["certificate_fingerprint"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", row["enrolled_at"]!.GetValue<string>());
        Assert.DoesNotContain(SecretHasher.Hash(secret), text);
        Assert.DoesNotContain(secret, text);
    }

    [Fact]
    public async Task Technician_sees_only_devices_of_assigned_clients()
    {
        var api = factory.Api();
        var mine = await api.CreateClientAsync();
        var other = await api.CreateClientAsync();
        var (myDevice, _) = await api.EnrollDeviceAsync(mine);
        var (otherDevice, _) = await api.EnrollDeviceAsync(other);
        var (_, _, tech) = await factory.StaffAsync("technician", mine);

        var ids = (await (await tech.Get("/api/devices")).ShouldSucceed()).AsArray().Select(d => d!["device_id"]!.GetValue<string>()).ToList();

        Assert.Equal(new[] { myDevice }, ids);
        Assert.DoesNotContain(otherDevice, ids);
    }

    [Fact]
    public async Task Technician_without_clients_gets_an_empty_list()
    {
        var api = factory.Api();
        await api.EnrollDeviceAsync(await api.CreateClientAsync());
        var (_, _, tech) = await factory.StaffAsync("technician");

        Assert.Empty((await (await tech.Get("/api/devices")).ShouldSucceed()).AsArray());
    }

    [Fact]
    public async Task Admin_sees_devices_of_every_client()
    {
        var api = factory.Api();
        var (a, _) = await api.EnrollDeviceAsync(await api.CreateClientAsync());
        var (b, _) = await api.EnrollDeviceAsync(await api.CreateClientAsync());
        var (_, _, admin) = await factory.StaffAsync("admin");

        var ids = (await (await admin.Get("/api/devices")).ShouldSucceed()).AsArray().Select(d => d!["device_id"]!.GetValue<string>()).ToList();

        Assert.Contains(a, ids);
        Assert.Contains(b, ids);
    }

    [Fact]
    public async Task Viewer_may_read_devices_in_scope()
    {
        var api = factory.Api();
        var clientId = await api.CreateClientAsync();
        var (deviceId, _) = await api.EnrollDeviceAsync(clientId);
        var (_, _, viewer) = await factory.StaffAsync("viewer", clientId);

        var list = await (await viewer.Get("/api/devices")).ShouldSucceed();
        Assert.Equal(deviceId, Assert.Single(list.AsArray())!["device_id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/api/devices")]
    [InlineData("/api/devices/health/summary")]
    [InlineData("/api/devices/dev-anything")]
    [InlineData("/api/devices/dev-anything/diagnostics")]
    public async Task Anonymous_remote_caller_gets_401(string path)
    {
        await (await factory.RemoteApi().Get(path)).ShouldFail(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_device_cannot_read_the_fleet()
    {
        var api = factory.Api();
        var (deviceId, secret) = await api.EnrollDeviceAsync(await api.CreateClientAsync());
        await (await factory.DeviceApi(deviceId, secret).Get("/api/devices")).ShouldFail(HttpStatusCode.Forbidden);
    }
}
