using System.Text.Json;
using PocketIT.Server.Core.Devices;

namespace PocketIT.Server.PocketIt.Tickets;

public sealed record TicketRow(int Id, string DeviceId, string Title, string? Description, string Status, string Priority,
    string? Category, int? AssignedTo, string? AiSummary, DateTime CreatedAt, DateTime? UpdatedAt)
{
    public static TicketRow From(Ticket t) => new(t.Id, t.DeviceId, t.Title, t.Description, t.Status, t.Priority,
        t.Category, t.AssignedTo, t.AiSummary, t.CreatedAt, t.UpdatedAt);
}

public sealed record CommentRow(int Id, int TicketId, string Author, string Content, DateTime CreatedAt);

/// <summary><c>GET /api/tickets/:id</c>: the row's fields plus its comments, oldest first.</summary>
public sealed record TicketDetail(int Id, string DeviceId, string Title, string? Description, string Status, string Priority,
    string? Category, int? AssignedTo, string? AiSummary, DateTime CreatedAt, DateTime? UpdatedAt,
    IReadOnlyList<CommentRow> Comments)
{
    public static TicketDetail From(Ticket t, IReadOnlyList<CommentRow> comments) => new(t.Id, t.DeviceId, t.Title,
        t.Description, t.Status, t.Priority, t.Category, t.AssignedTo, t.AiSummary, t.CreatedAt, t.UpdatedAt, comments);
}

public sealed record TicketCreateRequest(string? DeviceId, string? Title, string? Description, string? Priority, string? Category);

public sealed record TicketCreated(int Id, string DeviceId, string Title);

/// <summary>
/// <c>assigned_to</c> stays a raw element so an absent field (Undefined: leave as is) differs from
/// an explicit <c>null</c> (unassign).
/// </summary>
public sealed record TicketUpdateRequest(string? Status, string? Priority, JsonElement AssignedTo);

public sealed record CommentRequest(string? Author, string? Content);

public sealed record CommentCreated(int Id);
