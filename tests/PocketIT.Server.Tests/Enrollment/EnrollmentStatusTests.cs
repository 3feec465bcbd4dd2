using System.Net;
using PocketIT.Server.Tests.Devices;
using PocketIT.Server.Tests.Infrastructure;

namespace PocketIT.Server.Tests.Enrollment;

/// <summary><c>GET /api/enrollment/status/:deviceId</c> (notes §3): the agent asks whether its credentials still hold.</summary>
public sealed class EnrollmentStatusTests(PocketItFactory factory) : IClassFixture<PocketItFactory>
{
    private Task<HttpResponseMessage> StatusAsync(string deviceId, string? secret)
    {
        var api = factory.RemoteApi();
        if (secret is not null) api.WithHeader("x-device-secret", secret);
        return api.Get($"/api/enrollment/status/{Uri.EscapeDataString(deviceId)}");
    }

    [Fact]
    public async Task Enrolled_device_with_its_secret_is_enrolled()
    {
        var (deviceId, secret) = await factory.Api().EnrollDeviceAsync(await factory.Api().CreateClientAsync());
        var body = await (await StatusAsync(deviceId, secret)).ShouldSucceed();
        Assert.Equal(new HashSet<string> { "enrolled", "deviceId" }, body.Keys());
        Assert.True(body["enrolled"]!.GetValue<bool>());
        Assert.Equal(deviceId, body["deviceId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_a_secret_is_401()
    {
        var (deviceId, _) = await factory.Api().EnrollDeviceAsync(await factory.Api().CreateClientAsync());
        await (await StatusAsync(deviceId, null)).ShouldFail(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Wrong_secret_is_401()
    {
        var (deviceId, _) = await factory.Api().EnrollDeviceAsync(await factory.Api().CreateClientAsync());
        await (await StatusAsync(deviceId, Guid.NewGuid().ToString())).ShouldFail(HttpStatusCode.Unauthorized);
        await (await StatusAsync(deviceId, new string('x', 5000))).ShouldFail(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Unknown_device_is_404_not_enrolled()
    {
        var response = await StatusAsync("no-such-device-" + Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.ReadJson();
        Assert.Equal(new HashSet<string> { "enrolled" }, body.Keys());
        Assert.False(body["enrolled"]!.GetValue<bool>());
    }
}
