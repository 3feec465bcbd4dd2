using System.Net;
using PocketIT.Server.Tests.Infrastructure;

namespace PocketIT.Server.Tests.Devices;

public sealed class DeviceDetailTests(PocketItFactory factory) : IClassFixture<PocketItFactory>
{
    [Fact]
    public async Task Detail_has_the_documented_fields_with_hardware_and_health_score()
    {
        var api = factory.Api();
        var (deviceId, _) = await api.EnrollDeviceAsync(await api.CreateClientAsync(), "DESKTOP-USER01");
        await factory.UpdateDeviceAsync(deviceId, d =>
        {
            d.CpuModel = "Intel(R) Core(TM) i7-9700K CPU @ 3.60GHz";
            d.TotalRamGb = 16;
            d.TotalDiskGb = 512;
            d.ProcessorCount = 8;
            d.HealthScore = 85;
        });

        var body = await (await api.Get($"/api/devices/{deviceId}")).ShouldSucceed();

        Assert.Equal(new HashSet<string>
        {
            "device_id", "hostname", "os_version", "status", "cpu_model", "total_ram_gb", "total_disk_gb",
            "processor_count", "health_score", "certificate_fingerprint", "enrolled_at", "last_seen",
            "client_id", // beyond the document: the dashboard shows and filters devices by client
            // beyond the document, additive: who is signed in, the agent's version and the extended profile (notes §10)
            "current_user", "client_version",
            "os_edition", "os_build", "os_architecture", "os_display_version", "os_install_date", "os_name",
            "bios_manufacturer", "bios_version", "gpu_model", "serial_number", "domain", "last_boot_time", "uptime_hours",
            "logged_in_users", "previous_logged_in_users", "network_adapters", "device_manufacturer", "device_model",
            "form_factor", "tpm_version", "secure_boot", "domain_join_type",
        }, body.Keys());
        Assert.Equal(deviceId, body["device_id"]!.GetValue<string>());
        Assert.Equal("DESKTOP-USER01", body["hostname"]!.GetValue<string>());
        Assert.Equal("Intel(R) Core(TM) i7-9700K CPU @ 3.60GHz", body["cpu_model"]!.GetValue<string>());
        Assert.Equal(16, body["total_ram_gb"]!.GetValue<double>());
        Assert.Equal(512, body["total_disk_gb"]!.GetValue<double>());
        Assert.Equal(8, body["processor_count"]!.GetValue<int>());
        Assert.Equal(85, body["health_score"]!.GetValue<int>());
        Assert.Null(body["certificate_fingerprint"]);
    }

    [Fact]
    public async Task Detail_carries_the_extended_profile_as_stored()
    {
        var api = factory.Api();
        var (deviceId, _) = await api.EnrollDeviceAsync(await api.CreateClientAsync());
        await factory.UpdateDeviceAsync(deviceId, d =>
        {
            d.OsEdition = "Windows 11 Pro";
            d.SerialNumber = "<b>SN-1</b>";
            d.UptimeHours = 12.5;
            d.LoggedInUsers = "[\"alice\"]";
            d.PreviousLoggedInUsers = "[\"bob\"]";
            d.DomainJoinType = "Workgroup";
            d.CurrentUser = "alice";
        });

        var body = await (await api.Get($"/api/devices/{deviceId}")).ShouldSucceed();
        Assert.Equal("Windows 11 Pro", body["os_edition"]!.GetValue<string>());
        Assert.Equal("<b>SN-1</b>", body["serial_number"]!.GetValue<string>());
        Assert.Equal(12.5, body["uptime_hours"]!.GetValue<double>());
        Assert.Equal("[\"alice\"]", body["logged_in_users"]!.GetValue<string>());
        Assert.Equal("[\"bob\"]", body["previous_logged_in_users"]!.GetValue<string>());
        Assert.Equal("Workgroup", body["domain_join_type"]!.GetValue<string>());
        Assert.Equal("alice", body["current_user"]!.GetValue<string>());
        Assert.Null(body["gpu_model"]);
    }

    [Fact]
    public async Task Unscanned_device_has_null_hardware_and_health()
    {
        var api = factory.Api();
        var (deviceId, _) = await api.EnrollDeviceAsync(await api.CreateClientAsync());
        var body = await (await api.Get($"/api/devices/{deviceId}")).ShouldSucceed();
        Assert.Null(body["health_score"]);
        Assert.Null(body["cpu_model"]);
        Assert.True(body.AsObject().ContainsKey("total_ram_gb"));
    }

    [Fact]
    public async Task Unknown_device_is_404_for_an_admin()
    {
        var message = await (await factory.Api().Get("/api/devices/no-such-device")).ShouldFail(HttpStatusCode.NotFound);
        Assert.Equal("Device not found", message);
    }

    [Fact]
    public async Task Overlong_device_id_is_404_not_a_500()
    {
        await (await factory.Api().Get("/api/devices/" + new string('x', 300))).ShouldFail(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Technician_cannot_read_another_clients_device()
    {
        var api = factory.Api();
        var mine = await api.CreateClientAsync();
        var (otherDevice, _) = await api.EnrollDeviceAsync(await api.CreateClientAsync());
        var (_, _, tech) = await factory.StaffAsync("technician", mine);

        Assert.Equal("Not in scope", await (await tech.Get($"/api/devices/{otherDevice}")).ShouldFail(HttpStatusCode.Forbidden));
        Assert.Equal("Not in scope", await (await tech.Get($"/api/devices/{otherDevice}/diagnostics")).ShouldFail(HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task Technician_gets_403_not_404_for_an_unknown_device()
    {
        var (_, _, tech) = await factory.StaffAsync("technician", await factory.Api().CreateClientAsync());
        // 403 before 404: a scoped caller cannot probe which device ids exist elsewhere.
        await (await tech.Get("/api/devices/no-such-device")).ShouldFail(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Technician_reads_a_device_of_an_assigned_client()
    {
        var api = factory.Api();
        var clientId = await api.CreateClientAsync();
        var (deviceId, _) = await api.EnrollDeviceAsync(clientId);
        var (_, _, tech) = await factory.StaffAsync("technician", clientId);

        var body = await (await tech.Get($"/api/devices/{deviceId}")).ShouldSucceed();
        Assert.Equal(deviceId, body["device_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Diagnostics_are_the_last_50_newest_first_with_documented_fields()
    {
        var api = factory.Api();
        var (deviceId, _) = await api.EnrollDeviceAsync(await api.CreateClientAsync());
        var (otherId, _) = await api.EnrollDeviceAsync(await api.CreateClientAsync());
        var start = new DateTime(2024, 1, 15, 14, 0, 0, DateTimeKind.Utc);
        await factory.AddDiagnosticsAsync(deviceId, 55, start);
        await factory.AddDiagnosticsAsync(otherId, 3, start);

        var rows = (await (await api.Get($"/api/devices/{deviceId}/diagnostics")).ShouldSucceed()).AsArray();

        Assert.Equal(50, rows.Count);
        Assert.Equal(new HashSet<string> { "id", "device_id", "check_type", "status", "data", "created_at" }, rows[0]!.Keys());
        Assert.All(rows, r => Assert.Equal(deviceId, r!["device_id"]!.GetValue<string>()));
        Assert.Equal("check-54", rows[0]!["check_type"]!.GetValue<string>());
        Assert.Equal("2024-01-15T14:54:00.000Z", rows[0]!["created_at"]!.GetValue<string>());
        Assert.Equal("check-5", rows[49]!["check_type"]!.GetValue<string>());
        Assert.Equal("completed", rows[0]!["status"]!.GetValue<string>());
        Assert.Equal("{\"n\":54}", rows[0]!["data"]!.GetValue<string>());
    }

    [Fact]
    public async Task Diagnostics_of_a_device_without_results_is_an_empty_list()
    {
        var api = factory.Api();
        var (deviceId, _) = await api.EnrollDeviceAsync(await api.CreateClientAsync());
        Assert.Empty((await (await api.Get($"/api/devices/{deviceId}/diagnostics")).ShouldSucceed()).AsArray());
    }

    [Fact]
    public async Task Diagnostics_of_an_unknown_device_is_404()
    {
        await (await factory.Api().Get("/api/devices/no-such-device/diagnostics")).ShouldFail(HttpStatusCode.NotFound);
    }
}
