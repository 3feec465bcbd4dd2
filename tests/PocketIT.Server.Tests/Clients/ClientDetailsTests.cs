using System.Net;
using PocketIT.Server.Tests.Infrastructure;

namespace PocketIT.Server.Tests.Clients;

/// <summary>Assigned users, notes and custom fields of a client.</summary>
public sealed class ClientDetailsTests(PocketItFactory factory) : IClassFixture<PocketItFactory>
{
    private readonly TestApi _admin = factory.Api();

    [Fact]
    public async Task Assigning_lists_and_unassigning_a_user()
    {
        var clientId = await _admin.CreateClientAsync();
        var (userId, _) = await _admin.CreateStaffAsync("technician");
        await (await _admin.Post($"/api/clients/{clientId}/users", new { user_id = userId })).ShouldSucceed();
        Assert.Equal("User already assigned to this client",
            await (await _admin.Post($"/api/clients/{clientId}/users", new { user_id = userId })).ShouldFail(HttpStatusCode.BadRequest));

        var users = await (await _admin.Get($"/api/clients/{clientId}/users")).ShouldSucceed();
        var row = Assert.Single(users.AsArray())!;
        Assert.Equal(userId, row["id"]!.GetValue<int>());
        Assert.Equal("technician", row["role"]!.GetValue<string>());
        Assert.NotNull(row["assigned_at"]);

        await (await _admin.Delete($"/api/clients/{clientId}/users/{userId}")).ShouldSucceed();
        Assert.Empty((await (await _admin.Get($"/api/clients/{clientId}/users")).ShouldSucceed()).AsArray());
        await (await _admin.Delete($"/api/clients/{clientId}/users/{userId}")).ShouldFail(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Assignment_errors_are_documented()
    {
        var clientId = await _admin.CreateClientAsync();
        Assert.Equal("user_id is required", await (await _admin.Post($"/api/clients/{clientId}/users", new { })).ShouldFail(HttpStatusCode.BadRequest));
        await (await _admin.Post($"/api/clients/{clientId}/users", new { user_id = 999999 })).ShouldFail(HttpStatusCode.NotFound);
        await (await _admin.Post("/api/clients/999999/users", new { user_id = 1 })).ShouldFail(HttpStatusCode.NotFound);
        await (await _admin.Send(HttpMethod.Post, $"/api/clients/{clientId}/users", "{\"user_id\": \"two\"}")).ShouldFail(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Notes_are_newest_first_capped_at_50_and_record_their_author()
    {
        var clientId = await _admin.CreateClientAsync();
        for (var i = 1; i <= 52; i++)
            await (await _admin.Post($"/api/clients/{clientId}/notes", new { content = $"note {i}" })).ShouldSucceed();

        var notes = (await (await _admin.Get($"/api/clients/{clientId}/notes")).ShouldSucceed()).AsArray();
        Assert.Equal(50, notes.Count);
        Assert.Equal("note 52", notes[0]!["content"]!.GetValue<string>());
        Assert.Equal("admin", notes[0]!["created_by"]!.GetValue<string>());
        Assert.Equal(clientId, notes[0]!["client_id"]!.GetValue<int>());
    }

    [Fact]
    public async Task Note_content_is_required_and_limited_to_5000_characters()
    {
        var clientId = await _admin.CreateClientAsync();
        await (await _admin.Post($"/api/clients/{clientId}/notes", new { content = "  " })).ShouldFail(HttpStatusCode.BadRequest);
        Assert.Contains("5,000", await (await _admin.Post($"/api/clients/{clientId}/notes", new { content = new string('a', 5001) })).ShouldFail(HttpStatusCode.BadRequest));
        var id = (await (await _admin.Post($"/api/clients/{clientId}/notes", new { content = new string('a', 5000) })).ShouldSucceed())["id"]!.GetValue<int>();
        Assert.True(id > 0);
    }

    [Fact]
    public async Task A_note_is_deleted_only_through_its_own_client()
    {
        var clientId = await _admin.CreateClientAsync();
        var otherId = await _admin.CreateClientAsync();
        var noteId = (await (await _admin.Post($"/api/clients/{clientId}/notes", new { content = "keep" })).ShouldSucceed())["id"]!.GetValue<int>();
        await (await _admin.Delete($"/api/clients/{otherId}/notes/{noteId}")).ShouldFail(HttpStatusCode.NotFound);
        await (await _admin.Delete($"/api/clients/{clientId}/notes/{noteId}")).ShouldSucceed();
        Assert.Empty((await (await _admin.Get($"/api/clients/{clientId}/notes")).ShouldSucceed()).AsArray());
    }

    [Fact]
    public async Task Technician_writes_notes_in_scope_only_and_viewer_only_reads()
    {
        var mine = await _admin.CreateClientAsync();
        var other = await _admin.CreateClientAsync();
        var (_, tech) = await _admin.CreateStaffAsync("technician", mine);
        var (_, viewer) = await _admin.CreateStaffAsync("viewer", mine);

        await (await tech.Post($"/api/clients/{mine}/notes", new { content = "tech was here" })).ShouldSucceed();
        Assert.Equal("Not in scope", await (await tech.Post($"/api/clients/{other}/notes", new { content = "x" })).ShouldFail(HttpStatusCode.Forbidden));
        await (await tech.Get($"/api/clients/{other}/notes")).ShouldFail(HttpStatusCode.Forbidden);

        Assert.Single((await (await viewer.Get($"/api/clients/{mine}/notes")).ShouldSucceed()).AsArray());
        await (await viewer.Post($"/api/clients/{mine}/notes", new { content = "x" })).ShouldFail(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Custom_fields_upsert_as_a_flat_object_and_delete_by_name()
    {
        var clientId = await _admin.CreateClientAsync();
        await (await _admin.Put($"/api/clients/{clientId}/custom-fields", new { fields = new Dictionary<string, string> { ["VPN Provider"] = "Tailscale", ["AD Domain"] = "corp.acme.local" } })).ShouldSucceed();
        await (await _admin.Put($"/api/clients/{clientId}/custom-fields", new { fields = new Dictionary<string, string> { ["VPN Provider"] = "WireGuard", ["Contract Tier"] = "Enterprise" } })).ShouldSucceed();

        var fields = (await (await _admin.Get($"/api/clients/{clientId}/custom-fields")).ShouldSucceed()).AsObject();
        Assert.Equal(3, fields.Count);
        Assert.Equal("WireGuard", fields["VPN Provider"]!.GetValue<string>());
        Assert.Equal("corp.acme.local", fields["AD Domain"]!.GetValue<string>());

        await (await _admin.Delete($"/api/clients/{clientId}/custom-fields/Contract%20Tier")).ShouldSucceed();
        await (await _admin.Delete($"/api/clients/{clientId}/custom-fields/Contract%20Tier")).ShouldFail(HttpStatusCode.NotFound);
        Assert.Equal(2, (await (await _admin.Get($"/api/clients/{clientId}/custom-fields")).ShouldSucceed()).AsObject().Count);
    }

    [Fact]
    public async Task Custom_fields_must_be_a_non_empty_object_of_strings()
    {
        var clientId = await _admin.CreateClientAsync();
        await (await _admin.Put($"/api/clients/{clientId}/custom-fields", new { })).ShouldFail(HttpStatusCode.BadRequest);
        await (await _admin.Put($"/api/clients/{clientId}/custom-fields", new { fields = new { } })).ShouldFail(HttpStatusCode.BadRequest);
        await (await _admin.Send(HttpMethod.Put, $"/api/clients/{clientId}/custom-fields", "{\"fields\": {\"a\": 1}}")).ShouldFail(HttpStatusCode.BadRequest);
        await (await _admin.Send(HttpMethod.Put, $"/api/clients/{clientId}/custom-fields", "{\"fields\": [\"a\"]}")).ShouldFail(HttpStatusCode.BadRequest);
        await (await _admin.Send(HttpMethod.Put, $"/api/clients/{clientId}/custom-fields", "{\"fields\": {\"a\": null}}")).ShouldFail(HttpStatusCode.BadRequest);
        Assert.Empty((await (await _admin.Get($"/api/clients/{clientId}/custom-fields")).ShouldSucceed()).AsObject());
    }

    [Fact]
    public async Task Technician_reads_custom_fields_in_scope_but_cannot_write_them()
    {
        var mine = await _admin.CreateClientAsync();
        var (_, tech) = await _admin.CreateStaffAsync("technician", mine);
        await (await tech.Get($"/api/clients/{mine}/custom-fields")).ShouldSucceed();
        await (await tech.Put($"/api/clients/{mine}/custom-fields", new { fields = new { a = "b" } })).ShouldFail(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Deleting_a_client_removes_its_notes_fields_and_assignments()
    {
        var clientId = await _admin.CreateClientAsync();
        var (userId, _) = await _admin.CreateStaffAsync("technician", clientId);
        await (await _admin.Post($"/api/clients/{clientId}/notes", new { content = "x" })).ShouldSucceed();
        await (await _admin.Put($"/api/clients/{clientId}/custom-fields", new { fields = new { a = "b" } })).ShouldSucceed();
        await (await _admin.Delete($"/api/clients/{clientId}")).ShouldSucceed();

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PocketIT.Server.Core.Data.AppDbContext>();
        Assert.False(db.ClientNotes.Any(n => n.ClientId == clientId));
        Assert.False(db.ClientCustomFields.Any(f => f.ClientId == clientId));
        Assert.False(db.UserClientAssignments.Any(a => a.ClientId == clientId));
        Assert.True(db.Users.Any(u => u.Id == userId));
    }
}
