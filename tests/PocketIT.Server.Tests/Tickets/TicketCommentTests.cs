using System.Net;
using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Tests.Devices;
using PocketIT.Server.Tests.Infrastructure;

namespace PocketIT.Server.Tests.Tickets;

public sealed class TicketCommentTests(PocketItFactory factory) : IClassFixture<PocketItFactory>
{
    [Fact]
    public async Task Comment_is_added_with_the_author_from_the_body_and_audited()
    {
        var (_, _, id) = await factory.TicketAsync();

        var body = await (await factory.Api().Post($"/api/tickets/{id}/comments", new { author = "tech-user", content = "Requested a router restart" }))
            .ShouldSucceed();

        Assert.Equal(new HashSet<string> { "id" }, body.Keys());
        var commentId = body["id"]!.GetValue<int>();
        var comment = await factory.QueryDbAsync(db => db.TicketComments.AsNoTracking().SingleAsync(c => c.Id == commentId));
        Assert.Equal(id, comment.TicketId);
        Assert.Equal("tech-user", comment.Author);
        var target = id.ToString();
        Assert.True(await factory.QueryDbAsync(db => db.AuditLog.AnyAsync(a => a.Action == "ticket_comment_added" && a.Target == target)));
    }

    [Fact]
    public async Task Author_defaults_to_the_callers_username()
    {
        var (clientId, _, id) = await factory.TicketAsync();
        var (_, username, tech) = await factory.StaffAsync("technician", clientId);

        await (await tech.Post($"/api/tickets/{id}/comments", new { content = "On it" })).ShouldSucceed();

        var comments = (await (await tech.Get($"/api/tickets/{id}")).ShouldSucceed())["comments"]!.AsArray();
        Assert.Equal(username, Assert.Single(comments)!["author"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"author\":\"a\",\"content\":\"   \"}")]
    public async Task Missing_content_is_400(string json)
    {
        var (_, _, id) = await factory.TicketAsync();
        Assert.Equal("Missing content", await (await factory.Api().Send(HttpMethod.Post, $"/api/tickets/{id}/comments", json)).ShouldFail(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Oversized_content_or_author_and_wrong_types_are_400()
    {
        var (_, _, id) = await factory.TicketAsync();
        await (await factory.Api().Post($"/api/tickets/{id}/comments", new { content = new string('x', 10_001) })).ShouldFail(HttpStatusCode.BadRequest);
        await (await factory.Api().Post($"/api/tickets/{id}/comments", new { content = "ok", author = new string('a', 101) })).ShouldFail(HttpStatusCode.BadRequest);
        await (await factory.Api().Send(HttpMethod.Post, $"/api/tickets/{id}/comments", "{\"content\":42}")).ShouldFail(HttpStatusCode.BadRequest);
        Assert.False(await factory.QueryDbAsync(db => db.TicketComments.AnyAsync(c => c.TicketId == id)));
    }

    [Fact]
    public async Task Unknown_ticket_is_404()
    {
        await (await factory.Api().Post("/api/tickets/999999/comments", new { content = "x" })).ShouldFail(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Technician_cannot_comment_on_another_clients_ticket()
    {
        var (_, _, id) = await factory.TicketAsync();
        var (_, _, tech) = await factory.StaffAsync("technician", await factory.Api().CreateClientAsync());

        await (await tech.Post($"/api/tickets/{id}/comments", new { content = "x" })).ShouldFail(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Viewer_cannot_comment()
    {
        var (clientId, _, id) = await factory.TicketAsync();
        var (_, _, viewer) = await factory.StaffAsync("viewer", clientId);

        await (await viewer.Post($"/api/tickets/{id}/comments", new { content = "x" })).ShouldFail(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Anonymous_remote_caller_gets_401()
    {
        var (_, _, id) = await factory.TicketAsync();
        await (await factory.RemoteApi().Post($"/api/tickets/{id}/comments", new { content = "x" })).ShouldFail(HttpStatusCode.Unauthorized);
    }
}
