using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Core.Audit;
using PocketIT.Server.Core.Data;
using PocketIT.Server.Core.Http;
using PocketIT.Server.Core.Identity;
using PocketIT.Server.Core.Tenancy;

namespace PocketIT.Server.PocketIt.Clients;

/// <summary>A client's logbook: newest first, at most 50 shown, 5,000 characters per note.</summary>
public static class ClientNoteEndpoints
{
    public const int MaxLength = 5000;
    public const int PageSize = 50;

    public static void MapClientNotes(this IEndpointRouteBuilder clients)
    {
        clients.MapGet("/{id}/notes", List).RequireAuthorization(Policies.Staff);
        clients.MapPost("/{id}/notes", Add).RequireAuthorization(Policies.StaffWrite);
        clients.MapDelete("/{id}/notes/{noteId}", Delete).RequireAuthorization(Policies.StaffWrite);
    }

    private static async Task<IResult> List(int id, ClaimsPrincipal user, ClientAccess access, AppDbContext db)
    {
        var (_, error) = await access.FindAsync(user, id);
        if (error is not null) return error;
        var notes = await db.ClientNotes.AsNoTracking()
            .Where(n => n.ClientId == id)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Take(PageSize)
            .Select(n => new NoteRow(n.Id, n.ClientId, n.Content, n.CreatedBy, n.CreatedAt))
            .ToListAsync();
        return Results.Ok(notes);
    }

    private static async Task<IResult> Add(int id, NoteRequest body, ClaimsPrincipal user, ClientAccess access, AppDbContext db, AuditLog audit, TimeProvider time)
    {
        var (client, error) = await access.FindAsync(user, id);
        if (error is not null) return error;
        if (Validation.IsBlank(body.Content)) return ApiErrors.BadRequest("content is required");
        if (body.Content!.Length > MaxLength) return ApiErrors.BadRequest("content exceeds 5,000 characters");

        var username = user.Staff()!.Username;
        var note = new ClientNote { ClientId = id, Content = body.Content.Trim(), CreatedBy = username, CreatedAt = time.GetUtcNow().UtcDateTime };
        db.ClientNotes.Add(note);
        audit.Record(username, "client_note_added", client!.Slug);
        await db.SaveChangesAsync();
        return Results.Ok(new IdBody(note.Id));
    }

    private static async Task<IResult> Delete(int id, int noteId, ClaimsPrincipal user, ClientAccess access, AppDbContext db, AuditLog audit)
    {
        var (client, error) = await access.FindAsync(user, id);
        if (error is not null) return error;
        var removed = await db.ClientNotes.Where(n => n.Id == noteId && n.ClientId == id).ExecuteDeleteAsync();
        if (removed == 0) return ApiErrors.NotFound("Note not found");
        await audit.RecordNowAsync(user.Staff()!.Username, "client_note_deleted", client!.Slug, new { note_id = noteId });
        return Results.Ok(SuccessBody.Instance);
    }
}
