using System.Net;
using PocketIT.Server.Tests.Infrastructure;

namespace PocketIT.Server.Tests.Clients;

public sealed class ClientCrudTests(PocketItFactory factory) : IClassFixture<PocketItFactory>
{
    private readonly TestApi _admin = factory.Api();

    [Fact]
    public async Task Default_client_exists_after_first_start()
    {
        var clients = await (await _admin.Get("/api/clients")).ShouldSucceed();
        Assert.Contains(clients.AsArray(), c => c!["slug"]!.GetValue<string>() == "default" && c["name"]!.GetValue<string>() == "Default");
    }

    [Fact]
    public async Task Creating_a_client_generates_a_slug_and_returns_the_documented_shape()
    {
        var name = "Acme Corp " + Guid.NewGuid().ToString("N")[..6];
        var body = await (await _admin.Post("/api/clients", new { name, contact_name = "Jane Smith", contact_email = "jane@acme.com", notes = "Primary" })).ShouldSucceed();
        Assert.Equal(name, body["name"]!.GetValue<string>());
        Assert.Equal(name.ToLowerInvariant().Replace(' ', '-'), body["slug"]!.GetValue<string>());
        var id = body["id"]!.GetValue<int>();

        var row = await (await _admin.Get($"/api/clients/{id}")).ShouldSucceed();
        Assert.Equal("Jane Smith", row["contact_name"]!.GetValue<string>());
        Assert.Equal("jane@acme.com", row["contact_email"]!.GetValue<string>());
        Assert.Equal("Primary", row["notes"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", row["created_at"]!.GetValue<string>());
        Assert.Null(row["updated_at"]);
    }

    [Fact]
    public async Task Name_is_required_and_unique()
    {
        Assert.Equal("name is required", await (await _admin.Post("/api/clients", new { contact_name = "x" })).ShouldFail(HttpStatusCode.BadRequest));
        var name = "Unique " + Guid.NewGuid().ToString("N")[..6];
        await _admin.CreateClientAsync(name);
        Assert.Equal("Client name already exists", await (await _admin.Post("/api/clients", new { name })).ShouldFail(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Same_slug_from_different_names_gets_a_suffix()
    {
        var stem = "Slug " + Guid.NewGuid().ToString("N")[..6];
        var first = await (await _admin.Post("/api/clients", new { name = stem + "!" })).ShouldSucceed();
        var second = await (await _admin.Post("/api/clients", new { name = stem + "?" })).ShouldSucceed();
        Assert.NotEqual(first["slug"]!.GetValue<string>(), second["slug"]!.GetValue<string>());
        Assert.StartsWith(first["slug"]!.GetValue<string>(), second["slug"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_keeps_the_slug_and_sets_updated_at()
    {
        var id = await _admin.CreateClientAsync("Before " + Guid.NewGuid().ToString("N")[..6]);
        var slug = (await (await _admin.Get($"/api/clients/{id}")).ShouldSucceed())["slug"]!.GetValue<string>();
        var renamed = "After " + Guid.NewGuid().ToString("N")[..6];
        var result = await (await _admin.Patch($"/api/clients/{id}", new { name = renamed, contact_email = "john@acme.com" })).ShouldSucceed();
        Assert.True(result["success"]!.GetValue<bool>());

        var row = await (await _admin.Get($"/api/clients/{id}")).ShouldSucceed();
        Assert.Equal(renamed, row["name"]!.GetValue<string>());
        Assert.Equal(slug, row["slug"]!.GetValue<string>());
        Assert.Equal("john@acme.com", row["contact_email"]!.GetValue<string>());
        Assert.NotNull(row["updated_at"]);
    }

    [Fact]
    public async Task Patch_with_nothing_to_update_is_400_and_unknown_client_404()
    {
        var id = await _admin.CreateClientAsync();
        Assert.Equal("No fields to update", await (await _admin.Patch($"/api/clients/{id}", new { })).ShouldFail(HttpStatusCode.BadRequest));
        await (await _admin.Patch("/api/clients/999999", new { name = "x" })).ShouldFail(HttpStatusCode.NotFound);
        await (await _admin.Get("/api/clients/999999")).ShouldFail(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Deleting_a_client_with_devices_is_refused_until_they_are_gone()
    {
        var id = await _admin.CreateClientAsync();
        await _admin.EnrollDeviceAsync(id);
        var message = await (await _admin.Delete($"/api/clients/{id}")).ShouldFail(HttpStatusCode.BadRequest);
        Assert.Contains("devices", message);
        await (await _admin.Get($"/api/clients/{id}")).ShouldSucceed();

        var empty = await _admin.CreateClientAsync();
        await (await _admin.Delete($"/api/clients/{empty}")).ShouldSucceed();
        await (await _admin.Get($"/api/clients/{empty}")).ShouldFail(HttpStatusCode.NotFound);
        await (await _admin.Delete($"/api/clients/{empty}")).ShouldFail(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Oversized_fields_are_refused()
    {
        var message = await (await _admin.Post("/api/clients", new { name = "Big " + Guid.NewGuid(), notes = new string('n', 5001) })).ShouldFail(HttpStatusCode.BadRequest);
        Assert.Contains("notes", message);
        await (await _admin.Post("/api/clients", new { name = new string('x', 201) })).ShouldFail(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Technician_sees_only_assigned_clients_and_gets_403_on_others()
    {
        var mine = await _admin.CreateClientAsync();
        var other = await _admin.CreateClientAsync();
        var (_, tech) = await _admin.CreateStaffAsync("technician", mine);

        var list = await (await tech.Get("/api/clients")).ShouldSucceed();
        Assert.Equal([mine], list.AsArray().Select(c => c!["id"]!.GetValue<int>()));
        await (await tech.Get($"/api/clients/{mine}")).ShouldSucceed();
        Assert.Equal("Not in scope", await (await tech.Get($"/api/clients/{other}")).ShouldFail(HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task Only_admins_create_update_or_delete_clients()
    {
        var id = await _admin.CreateClientAsync();
        var (_, tech) = await _admin.CreateStaffAsync("technician", id);
        Assert.Equal("Admin role required", await (await tech.Post("/api/clients", new { name = "Nope" })).ShouldFail(HttpStatusCode.Forbidden));
        await (await tech.Patch($"/api/clients/{id}", new { name = "Nope" })).ShouldFail(HttpStatusCode.Forbidden);
        await (await tech.Delete($"/api/clients/{id}")).ShouldFail(HttpStatusCode.Forbidden);
    }
}
