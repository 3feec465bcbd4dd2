using System.Net;
using PocketIT.Server.Tests.Devices;
using PocketIT.Server.Tests.Infrastructure;

namespace PocketIT.Server.Tests.Tickets;

public sealed class TicketReadTests(PocketItFactory factory) : IClassFixture<PocketItFactory>
{
    private static readonly HashSet<string> RowFields =
    [
        "id", "device_id", "title", "description", "status", "priority", "category", "assigned_to", "ai_summary", "created_at", "updated_at",
    ];

    [Fact]
    public async Task List_rows_have_exactly_the_documented_fields()
    {
        var (_, deviceId, id) = await factory.TicketAsync("Internet connection issues");

        var row = (await (await factory.Api().Get("/api/tickets")).ShouldSucceed()).AsArray().Single(t => t!["id"]!.GetValue<int>() == id)!;

        Assert.Equal(RowFields, row.Keys());
        Assert.Equal(deviceId, row["device_id"]!.GetValue<string>());
        Assert.Equal("open", row["status"]!.GetValue<string>());
        Assert.Equal("medium", row["priority"]!.GetValue<string>());
        Assert.Null(row["updated_at"]);
        Assert.Null(row["assigned_to"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", row["created_at"]!.GetValue<string>());
    }

    [Fact]
    public async Task Status_filter_returns_only_matching_tickets()
    {
        var (_, _, open) = await factory.TicketAsync();
        var (_, _, resolved) = await factory.TicketAsync();
        await (await factory.Api().Patch($"/api/tickets/{resolved}", new { status = "resolved" })).ShouldSucceed();

        var rows = (await (await factory.Api().Get("/api/tickets?status=resolved")).ShouldSucceed()).AsArray();

        Assert.All(rows, r => Assert.Equal("resolved", r!["status"]!.GetValue<string>()));
        Assert.Contains(rows, r => r!["id"]!.GetValue<int>() == resolved);
        Assert.DoesNotContain(rows, r => r!["id"]!.GetValue<int>() == open);
    }

    [Fact]
    public async Task Unknown_status_filter_is_400()
    {
        var message = await (await factory.Api().Get("/api/tickets?status=pending")).ShouldFail(HttpStatusCode.BadRequest);
        Assert.Contains("status", message);
    }

    [Fact]
    public async Task Detail_includes_comments_with_documented_fields()
    {
        var (_, deviceId, id) = await factory.TicketAsync();
        var commentId = (await (await factory.Api().Post($"/api/tickets/{id}/comments", new { author = "tech-user", content = "Checking now" }))
            .ShouldSucceed())["id"]!.GetValue<int>();

        var body = await (await factory.Api().Get($"/api/tickets/{id}")).ShouldSucceed();

        Assert.Equal(new HashSet<string>(RowFields) { "comments" }, body.Keys());
        Assert.Equal(deviceId, body["device_id"]!.GetValue<string>());
        var comment = Assert.Single(body["comments"]!.AsArray())!;
        Assert.Equal(new HashSet<string> { "id", "ticket_id", "author", "content", "created_at" }, comment.Keys());
        Assert.Equal(commentId, comment["id"]!.GetValue<int>());
        Assert.Equal(id, comment["ticket_id"]!.GetValue<int>());
        Assert.Equal("tech-user", comment["author"]!.GetValue<string>());
        Assert.Equal("Checking now", comment["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_ticket_is_404_and_a_non_numeric_id_is_400()
    {
        Assert.Equal("Ticket not found", await (await factory.Api().Get("/api/tickets/999999")).ShouldFail(HttpStatusCode.NotFound));
        await (await factory.Api().Get("/api/tickets/abc")).ShouldFail(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Technician_cannot_read_another_clients_tickets()
    {
        var (_, _, theirs) = await factory.TicketAsync();
        var (_, _, tech) = await factory.StaffAsync("technician", await factory.Api().CreateClientAsync());

        Assert.Empty((await (await tech.Get("/api/tickets")).ShouldSucceed()).AsArray());
        Assert.Equal("Not in scope", await (await tech.Get($"/api/tickets/{theirs}")).ShouldFail(HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task Viewer_reads_tickets_of_assigned_clients()
    {
        var (clientId, _, id) = await factory.TicketAsync();
        var (_, _, viewer) = await factory.StaffAsync("viewer", clientId);

        var rows = (await (await viewer.Get("/api/tickets")).ShouldSucceed()).AsArray();
        Assert.Equal(id, Assert.Single(rows)!["id"]!.GetValue<int>());
        await (await viewer.Get($"/api/tickets/{id}")).ShouldSucceed();
    }

    [Fact]
    public async Task Anonymous_remote_caller_gets_401()
    {
        await (await factory.RemoteApi().Get("/api/tickets")).ShouldFail(HttpStatusCode.Unauthorized);
        await (await factory.RemoteApi().Get("/api/tickets/1")).ShouldFail(HttpStatusCode.Unauthorized);
    }
}
