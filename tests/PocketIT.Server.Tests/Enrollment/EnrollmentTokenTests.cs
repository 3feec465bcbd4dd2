using System.Net;
using System.Text.RegularExpressions;
using PocketIT.Server.Tests.Devices;
using PocketIT.Server.Tests.Infrastructure;

namespace PocketIT.Server.Tests.Enrollment;

public sealed partial class EnrollmentTokenTests(PocketItFactory factory) : IClassFixture<PocketItFactory>
{
    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")]
    private static partial Regex UuidV4();

    [Fact]
    public async Task Token_is_a_uuid_v4_valid_for_24_hours_bound_to_the_client()
    {
        var api = factory.Api();
        var name = "Acme " + Guid.NewGuid().ToString("N")[..6];
        var clientId = await api.CreateClientAsync(name);

        var body = await (await api.Post("/api/enrollment/token", new { client_id = clientId })).ShouldSucceed();

        Assert.Equal(new HashSet<string> { "token", "expiresAt", "client_id", "client_name" }, body.Keys());
        Assert.Matches(UuidV4(), body["token"]!.GetValue<string>());
        Assert.Equal(clientId, body["client_id"]!.GetValue<int>());
        Assert.Equal(name, body["client_name"]!.GetValue<string>());
        var expiresText = body["expiresAt"]!.GetValue<string>();
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", expiresText);
        var lifetime = DateTime.Parse(expiresText, null, System.Globalization.DateTimeStyles.RoundtripKind) - DateTime.UtcNow;
        Assert.InRange(lifetime.TotalHours, 23.5, 24.01);
    }

    [Fact]
    public async Task Each_token_is_new()
    {
        var api = factory.Api();
        var clientId = await api.CreateClientAsync();
        var first = await (await api.Post("/api/enrollment/token", new { client_id = clientId })).ShouldSucceed();
        var second = await (await api.Post("/api/enrollment/token", new { client_id = clientId })).ShouldSucceed();
        Assert.NotEqual(first["token"]!.GetValue<string>(), second["token"]!.GetValue<string>());
    }

    [Fact]
    public async Task Missing_client_id_is_400()
    {
        var message = await (await factory.Api().Post("/api/enrollment/token", new { })).ShouldFail(HttpStatusCode.BadRequest);
        Assert.Contains("client_id", message);
    }

    [Fact]
    public async Task Client_id_of_the_wrong_type_is_400()
    {
        await (await factory.Api().Send(HttpMethod.Post, "/api/enrollment/token", "{\"client_id\": \"one\"}"))
            .ShouldFail(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Malformed_json_is_400()
    {
        await (await factory.Api().Send(HttpMethod.Post, "/api/enrollment/token", "{\"client_id\": ")).ShouldFail(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Unknown_client_is_404()
    {
        var message = await (await factory.Api().Post("/api/enrollment/token", new { client_id = 999_999 })).ShouldFail(HttpStatusCode.NotFound);
        Assert.Equal("Client not found", message);
    }

    [Fact]
    public async Task Anonymous_remote_caller_cannot_create_tokens()
    {
        var clientId = await factory.Api().CreateClientAsync();
        await (await factory.RemoteApi().Post("/api/enrollment/token", new { client_id = clientId })).ShouldFail(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Technician_cannot_create_tokens()
    {
        var clientId = await factory.Api().CreateClientAsync();
        var (_, _, tech) = await factory.StaffAsync("technician", clientId);
        var message = await (await tech.Post("/api/enrollment/token", new { client_id = clientId })).ShouldFail(HttpStatusCode.Forbidden);
        Assert.Equal("Admin role required", message);
    }
}
