using System.Security.Claims;
using PocketIT.Server.Core.Audit;
using PocketIT.Server.Core.Data;
using PocketIT.Server.Core.Devices;
using PocketIT.Server.Core.Http;
using PocketIT.Server.Core.Identity;
using static PocketIT.Server.Core.Http.Validation;
using static PocketIT.Server.PocketIt.Tickets.TicketRules;

namespace PocketIT.Server.PocketIt.Tickets;

/// <summary>Comments on a ticket; the author comes from the body (the document's rule), else the caller.</summary>
public static class TicketCommentEndpoints
{
    public static void MapTicketComments(this IEndpointRouteBuilder tickets)
    {
        tickets.MapPost("/{id}/comments", Add).RequireAuthorization(Policies.StaffWrite);
    }

    private static async Task<IResult> Add(int id, CommentRequest body, ClaimsPrincipal user, TicketAccess access,
        AppDbContext db, AuditLog audit, TimeProvider time)
    {
        var caller = user.Staff()!;
        var (ticket, error) = await access.FindAsync(caller, id);
        if (error is not null) return error;
        if (IsBlank(body.Content)) return ApiErrors.BadRequest("Missing content");
        if (First(TooLong(body.Content, MaxComment, "content"), TooLong(body.Author, MaxAuthor, "author")) is { } tooLong)
            return ApiErrors.BadRequest(tooLong);

        var comment = new TicketComment
        {
            TicketId = ticket!.Id,
            Author = Optional(body.Author) ?? caller.Username,
            Content = body.Content!.Trim(),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.TicketComments.Add(comment);
        audit.Record(caller.Username, "ticket_comment_added", ticket.Id.ToString(), new { author = comment.Author });
        await db.SaveChangesAsync();
        return Results.Ok(new CommentCreated(comment.Id));
    }
}
