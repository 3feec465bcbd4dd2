using System.Net;
using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Tests.Devices;
using PocketIT.Server.Tests.Infrastructure;

namespace PocketIT.Server.Tests.Tickets;

public sealed class TicketUpdateTests(PocketItFactory factory) : IClassFixture<PocketItFactory>
{
    private Task<Core.Devices.Ticket> LoadAsync(int id) =>
        factory.QueryDbAsync(db => db.Tickets.AsNoTracking().SingleAsync(t => t.Id == id));

    [Fact]
    public async Task Patch_updates_status_priority_and_assignee_and_sets_updated_at()
    {
        var (clientId, _, id) = await factory.TicketAsync();
        var (techId, _, _) = await factory.StaffAsync("technician", clientId);

        var body = await (await factory.Api().Patch($"/api/tickets/{id}", new { status = "in_progress", priority = "high", assigned_to = techId }))
            .ShouldSucceed();

        Assert.True(body["success"]!.GetValue<bool>());
        var row = await (await factory.Api().Get($"/api/tickets/{id}")).ShouldSucceed();
        Assert.Equal("in_progress", row["status"]!.GetValue<string>());
        Assert.Equal("high", row["priority"]!.GetValue<string>());
        Assert.Equal(techId, row["assigned_to"]!.GetValue<int>());
        Assert.NotNull(row["updated_at"]);
        var target = id.ToString();
        Assert.True(await factory.QueryDbAsync(db => db.AuditLog.AnyAsync(a => a.Action == "ticket_updated" && a.Target == target)));
    }

    [Fact]
    public async Task Null_assignee_unassigns_and_an_absent_one_is_left_alone()
    {
        var (clientId, _, id) = await factory.TicketAsync();
        var (techId, _, _) = await factory.StaffAsync("technician", clientId);
        await (await factory.Api().Patch($"/api/tickets/{id}", new { assigned_to = techId })).ShouldSucceed();

        await (await factory.Api().Patch($"/api/tickets/{id}", new { status = "resolved" })).ShouldSucceed();
        Assert.Equal(techId, (await LoadAsync(id)).AssignedTo);

        await (await factory.Api().Send(HttpMethod.Patch, $"/api/tickets/{id}", "{\"assigned_to\": null}")).ShouldSucceed();
        Assert.Null((await LoadAsync(id)).AssignedTo);
    }

    [Fact]
    public async Task Empty_patch_is_400_no_fields_to_update()
    {
        var (_, _, id) = await factory.TicketAsync();
        Assert.Equal("No fields to update", await (await factory.Api().Patch($"/api/tickets/{id}", new { })).ShouldFail(HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData("{\"status\":\"pending\"}")]
    [InlineData("{\"priority\":\"urgent\",\"status\":\"closed\"}")]
    [InlineData("{\"status\":\"closed\",\"assigned_to\":999999}")]
    [InlineData("{\"status\":\"closed\",\"assigned_to\":\"1\"}")]
    [InlineData("{\"status\":\"closed\",\"assigned_to\":1.5}")]
    [InlineData("{\"status\":3}")]
    [InlineData("{\"status\":")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("")]
    public async Task Invalid_values_are_400_and_change_nothing(string json)
    {
        var (_, _, id) = await factory.TicketAsync();

        await (await factory.Api().Send(HttpMethod.Patch, $"/api/tickets/{id}", json)).ShouldFail(HttpStatusCode.BadRequest);

        var ticket = await LoadAsync(id);
        Assert.Equal("open", ticket.Status);
        Assert.Equal("medium", ticket.Priority);
        Assert.Null(ticket.UpdatedAt);
    }

    [Fact]
    public async Task Unknown_ticket_is_404()
    {
        await (await factory.Api().Patch("/api/tickets/999999", new { status = "closed" })).ShouldFail(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Technician_cannot_update_another_clients_ticket()
    {
        var (_, _, id) = await factory.TicketAsync();
        var (_, _, tech) = await factory.StaffAsync("technician", await factory.Api().CreateClientAsync());

        await (await tech.Patch($"/api/tickets/{id}", new { status = "closed" })).ShouldFail(HttpStatusCode.Forbidden);
        Assert.Equal("open", (await LoadAsync(id)).Status);
    }

    [Fact]
    public async Task Technician_updates_a_ticket_in_scope()
    {
        var (clientId, _, id) = await factory.TicketAsync();
        var (_, _, tech) = await factory.StaffAsync("technician", clientId);

        await (await tech.Patch($"/api/tickets/{id}", new { status = "closed" })).ShouldSucceed();
        Assert.Equal("closed", (await LoadAsync(id)).Status);
    }

    [Fact]
    public async Task Viewer_cannot_update_tickets()
    {
        var (clientId, _, id) = await factory.TicketAsync();
        var (_, _, viewer) = await factory.StaffAsync("viewer", clientId);

        await (await viewer.Patch($"/api/tickets/{id}", new { status = "closed" })).ShouldFail(HttpStatusCode.Forbidden);
        Assert.Equal("open", (await LoadAsync(id)).Status);
    }

    [Fact]
    public async Task Anonymous_remote_caller_gets_401()
    {
        var (_, _, id) = await factory.TicketAsync();
        await (await factory.RemoteApi().Patch($"/api/tickets/{id}", new { status = "closed" })).ShouldFail(HttpStatusCode.Unauthorized);
    }
}
