using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Core.Audit;
using PocketIT.Server.Core.Data;
using PocketIT.Server.Core.Devices;
using PocketIT.Server.Core.Http;
using PocketIT.Server.Core.Identity;
using PocketIT.Server.PocketIt.Devices;
using static PocketIT.Server.Core.Http.Validation;
using static PocketIT.Server.PocketIt.Tickets.TicketRules;

namespace PocketIT.Server.PocketIt.Tickets;

/// <summary>
/// Support tickets. Each ticket keeps the client of its device, so scope survives the device;
/// technicians and viewers see only their clients' tickets, viewers never write.
/// </summary>
public static class TicketEndpoints
{
    public static void MapTickets(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tickets").WithTags("Tickets");
        group.MapGet("", List).RequireAuthorization(Policies.Staff);
        group.MapGet("/{id}", Get).RequireAuthorization(Policies.Staff);
        group.MapPost("", Create).RequireAuthorization(Policies.StaffWriteOrDevice);
        group.MapPatch("/{id}", Update).RequireAuthorization(Policies.StaffWrite);

        group.MapTicketComments();
    }

    private static async Task<IResult> List(string? status, ClaimsPrincipal user, AppDbContext db, ScopeService scopes)
    {
        // An empty ?status= means "no filter", as a dashboard's blank select sends it.
        if (!string.IsNullOrEmpty(status) && !IsStatus(status)) return ApiErrors.BadRequest(InvalidStatus);
        var scope = await scopes.ForAsync(user.Staff()!);
        var query = db.Tickets.AsNoTracking().InScope(scope);
        if (!string.IsNullOrEmpty(status)) query = query.Where(t => t.Status == status);
        var rows = await query.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).ToListAsync();
        return Results.Ok(rows.Select(TicketRow.From));
    }

    private static async Task<IResult> Get(int id, ClaimsPrincipal user, TicketAccess access, AppDbContext db)
    {
        var (ticket, error) = await access.FindAsync(user.Staff()!, id);
        if (error is not null) return error;
        var comments = await db.TicketComments.AsNoTracking()
            .Where(c => c.TicketId == id)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new CommentRow(c.Id, c.TicketId, c.Author, c.Content, c.CreatedAt))
            .ToListAsync();
        return Results.Ok(TicketDetail.From(ticket!, comments));
    }

    private static async Task<IResult> Create(TicketCreateRequest body, ClaimsPrincipal user, DeviceAccess devices,
        AppDbContext db, AuditLog audit, TimeProvider time, TicketEvents events)
    {
        if (IsBlank(body.DeviceId) || IsBlank(body.Title)) return ApiErrors.BadRequest("Missing required fields (device_id, title)");
        if (First(
                TooLong(body.DeviceId, DeviceAccess.MaxDeviceIdLength, "device_id"),
                TooLong(body.Title, MaxTitle, "title"),
                TooLong(body.Description, MaxDescription, "description"),
                TooLong(body.Category, MaxCategory, "category")) is { } tooLong)
            return ApiErrors.BadRequest(tooLong);
        if (body.Priority is not null && !IsPriority(body.Priority)) return ApiErrors.BadRequest(InvalidPriority);

        var (device, requester, error) = await ResolveRequesterAsync(user, body.DeviceId!, devices, db);
        if (error is not null) return error;

        var ticket = new Ticket
        {
            DeviceId = device!.DeviceId,
            ClientId = device.ClientId,
            Title = body.Title!.Trim(),
            Description = Optional(body.Description),
            Priority = body.Priority ?? DefaultPriority,
            Category = Optional(body.Category),
            RequestedBy = requester,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        // One transaction: the audit row names the new ticket's id, and neither exists without the other.
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Tickets.Add(ticket);
        await db.SaveChangesAsync();
        audit.Record(user.Staff()?.Username ?? device.DeviceId, "ticket_created", ticket.Id.ToString(),
            new { device_id = ticket.DeviceId, title = ticket.Title, priority = ticket.Priority });
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        await events.PublishCreatedAsync(ticket, device.Hostname, "api");
        return Results.Ok(new TicketCreated(ticket.Id, ticket.DeviceId, ticket.Title));
    }

    /// <summary>
    /// A device may open tickets for itself only; staff for devices in their scope. The requester is
    /// the staff username, or for a device its signed-in user, else its hostname.
    /// </summary>
    private static async Task<(Device? Device, string? Requester, IResult? Error)> ResolveRequesterAsync(
        ClaimsPrincipal user, string deviceId, DeviceAccess devices, AppDbContext db)
    {
        if (user.DeviceIdOf() is { } callerDevice)
        {
            if (callerDevice != deviceId) return (null, null, ApiErrors.Forbidden("Devices can only open tickets for themselves"));
            var self = await db.Devices.AsNoTracking().FirstOrDefaultAsync(d => d.DeviceId == callerDevice);
            if (self is null) return (null, null, ApiErrors.NotFound("Device not found"));
            return (self, Optional(self.CurrentUser) ?? Optional(self.Hostname) ?? self.DeviceId, null);
        }
        var caller = user.Staff()!;
        var (device, error) = await devices.FindAsync(caller, deviceId);
        return (device, caller.Username, error);
    }

    private static async Task<IResult> Update(int id, TicketUpdateRequest body, ClaimsPrincipal user, TicketAccess access,
        AppDbContext db, AuditLog audit, TimeProvider time)
    {
        var caller = user.Staff()!;
        var (ticket, error) = await access.FindAsync(caller, id, track: true);
        if (error is not null) return error;

        var assignment = body.AssignedTo.ValueKind;
        if (body.Status is null && body.Priority is null && assignment == JsonValueKind.Undefined)
            return ApiErrors.BadRequest("No fields to update");
        if (body.Status is not null && !IsStatus(body.Status)) return ApiErrors.BadRequest(InvalidStatus);
        if (body.Priority is not null && !IsPriority(body.Priority)) return ApiErrors.BadRequest(InvalidPriority);

        int? assignee = null;
        if (assignment == JsonValueKind.Number)
        {
            if (!body.AssignedTo.TryGetInt32(out var userId) || !await db.Users.AnyAsync(u => u.Id == userId))
                return ApiErrors.BadRequest("assigned_to must be an existing user id or null");
            assignee = userId;
        }
        else if (assignment is not (JsonValueKind.Undefined or JsonValueKind.Null))
            return ApiErrors.BadRequest("assigned_to must be an existing user id or null");

        if (body.Status is not null) ticket!.Status = body.Status;
        if (body.Priority is not null) ticket!.Priority = body.Priority;
        if (assignment != JsonValueKind.Undefined) ticket!.AssignedTo = assignee;
        ticket!.UpdatedAt = time.GetUtcNow().UtcDateTime;
        audit.Record(caller.Username, "ticket_updated", ticket.Id.ToString(), new
        {
            status = body.Status,
            priority = body.Priority,
            assigned_to = assignment == JsonValueKind.Undefined ? null : (object?)assignee ?? "unassigned",
        });
        try { await db.SaveChangesAsync(); }
        catch (DbUpdateException)
        {
            return ApiErrors.BadRequest("assigned_to must be an existing user id or null"); // the user was deleted meanwhile
        }
        return Results.Ok(SuccessBody.Instance);
    }
}
