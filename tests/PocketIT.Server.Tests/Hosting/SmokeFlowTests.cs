using System.Net;
using PocketIT.Server.Tests.Infrastructure;

namespace PocketIT.Server.Tests.Hosting;

/// <summary>The harness's own intent methods work end to end: a client, a device in it, a technician of it.</summary>
public sealed class SmokeFlowTests(PocketItFactory factory) : IClassFixture<PocketItFactory>
{
    [Fact]
    public async Task Admin_creates_client_enrolls_device_and_signs_in_a_technician()
    {
        var api = factory.Api();
        var clientId = await api.CreateClientAsync();
        var (deviceId, secret) = await api.EnrollDeviceAsync(clientId);
        Assert.StartsWith("dev-", deviceId);
        Assert.True(Guid.TryParse(secret, out _));

        var (_, tech) = await api.CreateStaffAsync("technician", clientId);
        var clients = await (await tech.Get("/api/clients")).ShouldSucceed();
        Assert.Equal(clientId, Assert.Single(clients.AsArray())!["id"]!.GetValue<int>());
    }

    [Fact]
    public async Task Login_with_a_wrong_password_is_401()
    {
        var message = await (await factory.RemoteApi().Post("/api/admin/login", new { username = "admin", password = "nope" }))
            .ShouldFail(HttpStatusCode.Unauthorized);
        Assert.Equal("Invalid credentials", message);
    }
}
