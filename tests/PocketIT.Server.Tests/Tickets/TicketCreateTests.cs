using System.Net;
using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Tests.Devices;
using PocketIT.Server.Tests.Infrastructure;

namespace PocketIT.Server.Tests.Tickets;

public sealed class TicketCreateTests(PocketItFactory factory) : IClassFixture<PocketItFactory>
{
    [Fact]
    public async Task Staff_opens_a_ticket_and_gets_id_device_id_and_title()
    {
        var api = factory.Api();
        var clientId = await api.CreateClientAsync();
        var (deviceId, _) = await api.EnrollDeviceAsync(clientId);

        var body = await (await api.Post("/api/tickets", new
        {
            device_id = deviceId, title = "Recurring BSOD on startup", description = "Blue screen when booting",
            priority = "high", category = "hardware",
        })).ShouldSucceed();

        Assert.Equal(new HashSet<string> { "id", "device_id", "title" }, body.Keys());
        Assert.Equal(deviceId, body["device_id"]!.GetValue<string>());
        Assert.Equal("Recurring BSOD on startup", body["title"]!.GetValue<string>());
        var id = body["id"]!.GetValue<int>();
        var ticket = await factory.QueryDbAsync(db => db.Tickets.AsNoTracking().SingleAsync(t => t.Id == id));
        Assert.Equal(clientId, ticket.ClientId);
        Assert.Equal("high", ticket.Priority);
        Assert.Equal("open", ticket.Status);
        Assert.Equal("hardware", ticket.Category);
        Assert.Equal("admin", ticket.RequestedBy);
        Assert.Null(ticket.UpdatedAt);
    }

    [Fact]
    public async Task Priority_defaults_to_medium_and_creation_is_audited()
    {
        var (_, _, id) = await factory.TicketAsync();
        var ticket = await factory.QueryDbAsync(db => db.Tickets.AsNoTracking().SingleAsync(t => t.Id == id));
        Assert.Equal("medium", ticket.Priority);
        var target = id.ToString();
        Assert.True(await factory.QueryDbAsync(db => db.AuditLog.AnyAsync(a => a.Action == "ticket_created" && a.Target == target)));
    }

    [Theory]
    [InlineData("{\"title\":\"No device\"}")]
    [InlineData("{\"device_id\":\"dev-1\"}")]
    [InlineData("{\"device_id\":\"dev-1\",\"title\":\"   \"}")]
    [InlineData("{}")]
    public async Task Missing_device_id_or_title_is_400(string json)
    {
        var message = await (await factory.Api().Send(HttpMethod.Post, "/api/tickets", json)).ShouldFail(HttpStatusCode.BadRequest);
        Assert.Equal("Missing required fields (device_id, title)", message);
    }

    [Theory]
    [InlineData("title", 201)]
    [InlineData("description", 10_001)]
    [InlineData("category", 101)]
    public async Task Oversized_strings_are_400(string field, int length)
    {
        var api = factory.Api();
        var (deviceId, _) = await api.EnrollDeviceAsync(await api.CreateClientAsync());
        var body = new Dictionary<string, string> { ["device_id"] = deviceId, ["title"] = "t", [field] = new string('x', length) };

        var message = await (await api.Post("/api/tickets", body)).ShouldFail(HttpStatusCode.BadRequest);
        Assert.Contains(field, message);
        var count = await factory.QueryDbAsync(db => db.Tickets.CountAsync(t => t.DeviceId == deviceId));
        Assert.Equal(0, count);
    }

    [Fact]
    public async Task Unknown_priority_is_400()
    {
        var api = factory.Api();
        var (deviceId, _) = await api.EnrollDeviceAsync(await api.CreateClientAsync());
        var message = await (await api.Post("/api/tickets", new { device_id = deviceId, title = "t", priority = "urgent" }))
            .ShouldFail(HttpStatusCode.BadRequest);
        Assert.Contains("priority", message);
    }

    [Fact]
    public async Task Wrong_types_and_malformed_json_are_400()
    {
        await (await factory.Api().Send(HttpMethod.Post, "/api/tickets", "{\"device_id\":5,\"title\":\"t\"}")).ShouldFail(HttpStatusCode.BadRequest);
        await (await factory.Api().Send(HttpMethod.Post, "/api/tickets", "{\"device_id\":\"d\",\"title\":[1]}")).ShouldFail(HttpStatusCode.BadRequest);
        await (await factory.Api().Send(HttpMethod.Post, "/api/tickets", "{\"device_id\":")).ShouldFail(HttpStatusCode.BadRequest);
        await (await factory.Api().Send(HttpMethod.Post, "/api/tickets", "null")).ShouldFail(HttpStatusCode.BadRequest);
        await (await factory.Api().Send(HttpMethod.Post, "/api/tickets", "[]")).ShouldFail(HttpStatusCode.BadRequest);
        await (await factory.Api().Send(HttpMethod.Post, "/api/tickets", "")).ShouldFail(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Unknown_device_is_404()
    {
        var message = await (await factory.Api().Post("/api/tickets", new { device_id = "no-such-device", title = "t" })).ShouldFail(HttpStatusCode.NotFound);
        Assert.Equal("Device not found", message);
    }

    [Fact]
    public async Task Technician_opens_tickets_for_devices_in_scope_only()
    {
        var api = factory.Api();
        var mine = await api.CreateClientAsync();
        var (myDevice, _) = await api.EnrollDeviceAsync(mine);
        var (otherDevice, _) = await api.EnrollDeviceAsync(await api.CreateClientAsync());
        var (_, username, tech) = await factory.StaffAsync("technician", mine);

        var id = (await (await tech.Post("/api/tickets", new { device_id = myDevice, title = "Mine" })).ShouldSucceed())["id"]!.GetValue<int>();
        Assert.Equal("Not in scope", await (await tech.Post("/api/tickets", new { device_id = otherDevice, title = "Theirs" })).ShouldFail(HttpStatusCode.Forbidden));

        var ticket = await factory.QueryDbAsync(db => db.Tickets.AsNoTracking().SingleAsync(t => t.Id == id));
        Assert.Equal(username, ticket.RequestedBy);
        Assert.False(await factory.QueryDbAsync(db => db.Tickets.AnyAsync(t => t.DeviceId == otherDevice)));
    }

    [Fact]
    public async Task Viewer_cannot_open_tickets()
    {
        var api = factory.Api();
        var clientId = await api.CreateClientAsync();
        var (deviceId, _) = await api.EnrollDeviceAsync(clientId);
        var (_, _, viewer) = await factory.StaffAsync("viewer", clientId);

        await (await viewer.Post("/api/tickets", new { device_id = deviceId, title = "t" })).ShouldFail(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Anonymous_remote_caller_gets_401()
    {
        var api = factory.Api();
        var (deviceId, _) = await api.EnrollDeviceAsync(await api.CreateClientAsync());
        await (await factory.RemoteApi().Post("/api/tickets", new { device_id = deviceId, title = "t" })).ShouldFail(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Device_opens_a_ticket_for_itself_stored_as_sent()
    {
        var api = factory.Api();
        var clientId = await api.CreateClientAsync();
        var (deviceId, secret) = await api.EnrollDeviceAsync(clientId, "LAPTOP-7");
        const string title = "<script>alert(1)</script> & \"quotes\"";

        var body = await (await factory.DeviceApi(deviceId, secret).Post("/api/tickets", new { device_id = deviceId, title })).ShouldSucceed();

        Assert.Equal(title, body["title"]!.GetValue<string>());
        var id = body["id"]!.GetValue<int>();
        var ticket = await factory.QueryDbAsync(db => db.Tickets.AsNoTracking().SingleAsync(t => t.Id == id));
        Assert.Equal(title, ticket.Title);
        Assert.Equal(clientId, ticket.ClientId);
        Assert.Equal("LAPTOP-7", ticket.RequestedBy);
    }

    [Fact]
    public async Task Device_cannot_open_a_ticket_for_another_device()
    {
        var api = factory.Api();
        var clientId = await api.CreateClientAsync();
        var (deviceId, secret) = await api.EnrollDeviceAsync(clientId);
        var (otherId, _) = await api.EnrollDeviceAsync(clientId);

        await (await factory.DeviceApi(deviceId, secret).Post("/api/tickets", new { device_id = otherId, title = "t" })).ShouldFail(HttpStatusCode.Forbidden);
        Assert.False(await factory.QueryDbAsync(db => db.Tickets.AnyAsync(t => t.DeviceId == otherId)));
    }

    [Fact]
    public async Task Device_with_a_wrong_secret_is_refused_with_403()
    {
        var api = factory.Api();
        var (deviceId, _) = await api.EnrollDeviceAsync(await api.CreateClientAsync());

        var response = await factory.DeviceApi(deviceId, Guid.NewGuid().ToString()).Post("/api/tickets", new { device_id = deviceId, title = "t" });

        Assert.Equal("Invalid device credentials", await response.ShouldFail(HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task Unknown_device_is_refused_with_403_and_missing_secret_with_401()
    {
        var unknown = await factory.DeviceApi("no-such-device", Guid.NewGuid().ToString()).Post("/api/tickets", new { device_id = "no-such-device", title = "t" });
        Assert.Equal("Device not enrolled", await unknown.ShouldFail(HttpStatusCode.Forbidden));

        var missing = await factory.RemoteApi().WithHeader("x-device-id", "no-such-device").Post("/api/tickets", new { device_id = "x", title = "t" });
        Assert.Equal("Device authentication required", await missing.ShouldFail(HttpStatusCode.Unauthorized));
    }
}
