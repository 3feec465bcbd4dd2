using System.Net;
using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Core.Identity;
using PocketIT.Server.Tests.Devices;
using PocketIT.Server.Tests.Infrastructure;

namespace PocketIT.Server.Tests.Enrollment;

public sealed class EnrollTests(PocketItFactory factory) : IClassFixture<PocketItFactory>
{
    private async Task<string> NewTokenAsync(int clientId) =>
        (await (await factory.Api().Post("/api/enrollment/token", new { client_id = clientId })).ShouldSucceed())["token"]!.GetValue<string>();

    private static string NewDeviceId() => "dev-" + Guid.NewGuid().ToString("N")[..12];

    private Task<HttpResponseMessage> EnrollAsync(string token, string deviceId, string hostname = "DESKTOP-USER01") =>
        factory.RemoteApi().Post("/api/enrollment/enroll", new { token, deviceId, hostname, osVersion = "Windows 11 Pro 23H2" });

    [Fact]
    public async Task Enroll_returns_success_device_id_and_a_secret()
    {
        var token = await NewTokenAsync(await factory.Api().CreateClientAsync());
        var deviceId = NewDeviceId();

        var body = await (await EnrollAsync(token, deviceId)).ShouldSucceed();

        Assert.Equal(new HashSet<string> { "success", "deviceId", "deviceSecret" }, body.Keys());
        Assert.True(body["success"]!.GetValue<bool>());
        Assert.Equal(deviceId, body["deviceId"]!.GetValue<string>());
        Assert.True(Guid.TryParse(body["deviceSecret"]!.GetValue<string>(), out _));
    }

    [Fact]
    public async Task Enrolled_device_inherits_the_tokens_client_and_stores_only_a_hash()
    {
        var clientId = await factory.Api().CreateClientAsync();
        var deviceId = NewDeviceId();
        var secret = (await (await EnrollAsync(await NewTokenAsync(clientId), deviceId)).ShouldSucceed())["deviceSecret"]!.GetValue<string>();

        var device = await factory.QueryDbAsync(db => db.Devices.AsNoTracking().SingleAsync(d => d.DeviceId == deviceId));
        Assert.Equal(clientId, device.ClientId);
        Assert.Equal("online", device.Status);
        Assert.NotEqual(secret, device.SecretHash);
        Assert.Equal(SecretHasher.Hash(secret), device.SecretHash);
    }

    [Theory]
    [InlineData("{\"deviceId\":\"dev-x1\",\"hostname\":\"H\"}")]
    [InlineData("{\"token\":\"t\",\"hostname\":\"H\"}")]
    [InlineData("{\"token\":\"t\",\"deviceId\":\"dev-x2\"}")]
    [InlineData("{\"token\":\"  \",\"deviceId\":\"dev-x3\",\"hostname\":\"H\"}")]
    [InlineData("{}")]
    public async Task Missing_fields_are_400(string json)
    {
        var message = await (await factory.RemoteApi().Send(HttpMethod.Post, "/api/enrollment/enroll", json)).ShouldFail(HttpStatusCode.BadRequest);
        Assert.Equal("Missing required fields", message);
    }

    [Fact]
    public async Task Wrong_types_and_malformed_json_are_400()
    {
        await (await factory.RemoteApi().Send(HttpMethod.Post, "/api/enrollment/enroll",
            "{\"token\":1,\"deviceId\":\"d\",\"hostname\":\"h\"}")).ShouldFail(HttpStatusCode.BadRequest);
        await (await factory.RemoteApi().Send(HttpMethod.Post, "/api/enrollment/enroll", "{\"token\":")).ShouldFail(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Oversized_device_id_is_400()
    {
        var token = await NewTokenAsync(await factory.Api().CreateClientAsync());
        await (await EnrollAsync(token, new string('d', 500))).ShouldFail(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Unknown_token_is_400()
    {
        var message = await (await EnrollAsync(Guid.NewGuid().ToString(), NewDeviceId())).ShouldFail(HttpStatusCode.BadRequest);
        Assert.Equal("Invalid or expired token", message);
    }

    [Fact]
    public async Task Expired_token_is_400()
    {
        var token = await NewTokenAsync(await factory.Api().CreateClientAsync());
        var hash = SecretHasher.Hash(token);
        await factory.WithDbAsync(async db => (await db.EnrollmentTokens.SingleAsync(t => t.TokenHash == hash)).ExpiresAt = DateTime.UtcNow.AddMinutes(-1));

        var message = await (await EnrollAsync(token, NewDeviceId())).ShouldFail(HttpStatusCode.BadRequest);
        Assert.Equal("Invalid or expired token", message);
    }

    [Fact]
    public async Task Used_token_cannot_enroll_a_second_device()
    {
        var token = await NewTokenAsync(await factory.Api().CreateClientAsync());
        await (await EnrollAsync(token, NewDeviceId())).ShouldSucceed();

        var message = await (await EnrollAsync(token, NewDeviceId())).ShouldFail(HttpStatusCode.BadRequest);
        Assert.Equal("Invalid or expired token", message);
    }

    [Fact]
    public async Task Enrolling_an_already_enrolled_device_is_409_and_keeps_the_token()
    {
        var clientId = await factory.Api().CreateClientAsync();
        var deviceId = NewDeviceId();
        await (await EnrollAsync(await NewTokenAsync(clientId), deviceId)).ShouldSucceed();
        var fresh = await NewTokenAsync(clientId);

        await (await EnrollAsync(fresh, deviceId)).ShouldFail(HttpStatusCode.Conflict);

        // The refused attempt did not consume the token: another device can still use it.
        await (await EnrollAsync(fresh, NewDeviceId())).ShouldSucceed();
    }

    [Fact]
    public async Task Two_concurrent_enrolls_with_one_token_give_exactly_one_success()
    {
        var clientId = await factory.Api().CreateClientAsync();
        for (var round = 0; round < 6; round++)
        {
            var token = await NewTokenAsync(clientId);
            var ids = new[] { NewDeviceId(), NewDeviceId() };

            var responses = await Task.WhenAll(ids.Select(id => EnrollAsync(token, id)));

            Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
            var loser = Assert.Single(responses, r => r.StatusCode != HttpStatusCode.OK);
            Assert.Equal("Invalid or expired token", await loser.ShouldFail(HttpStatusCode.BadRequest));
            var enrolled = await factory.QueryDbAsync(db => db.Devices.CountAsync(d => ids.Contains(d.DeviceId)));
            Assert.Equal(1, enrolled);
        }
    }
}
