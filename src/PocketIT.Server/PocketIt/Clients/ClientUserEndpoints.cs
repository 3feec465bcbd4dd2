using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Core.Audit;
using PocketIT.Server.Core.Data;
using PocketIT.Server.Core.Http;
using PocketIT.Server.Core.Identity;
using PocketIT.Server.Core.Tenancy;

namespace PocketIT.Server.PocketIt.Clients;

/// <summary>Which staff users are assigned to a client (admins only).</summary>
public static class ClientUserEndpoints
{
    public static void MapClientUsers(this IEndpointRouteBuilder clients)
    {
        clients.MapGet("/{id}/users", List).RequireAuthorization(Policies.Admin);
        clients.MapPost("/{id}/users", Assign).RequireAuthorization(Policies.Admin);
        clients.MapDelete("/{id}/users/{userId}", Unassign).RequireAuthorization(Policies.Admin);
    }

    private static async Task<IResult> List(int id, ClaimsPrincipal user, ClientAccess access, AppDbContext db)
    {
        var (_, error) = await access.FindAsync(user, id);
        if (error is not null) return error;
        var rows = await db.UserClientAssignments.AsNoTracking()
            .Where(a => a.ClientId == id)
            .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new { a, u })
            .OrderBy(x => x.u.Username)
            .Select(x => new AssignedUserRow(x.u.Id, x.u.Username, x.u.DisplayName, x.u.Role, x.a.AssignedAt))
            .ToListAsync();
        return Results.Ok(rows);
    }

    private static async Task<IResult> Assign(int id, AssignUserRequest body, ClaimsPrincipal user, ClientAccess access, AppDbContext db, AuditLog audit, TimeProvider time)
    {
        if (body.UserId is not int userId) return ApiErrors.BadRequest("user_id is required");
        var (found, error) = await access.FindAsync(user, id);
        if (error is not null) return error;
        var client = found!;
        var target = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId);
        if (target is null) return ApiErrors.NotFound("User not found");
        if (await db.UserClientAssignments.AnyAsync(a => a.ClientId == id && a.UserId == userId))
            return ApiErrors.BadRequest("User already assigned to this client");

        db.UserClientAssignments.Add(new UserClientAssignment { ClientId = id, UserId = userId, AssignedAt = time.GetUtcNow().UtcDateTime });
        audit.Record(user.Staff()!.Username, "client_user_assigned", client.Slug, new { username = target.Username });
        try { await db.SaveChangesAsync(); }
        catch (DbUpdateException) { return ApiErrors.BadRequest("User already assigned to this client"); }
        return Results.Ok(SuccessBody.Instance);
    }

    private static async Task<IResult> Unassign(int id, int userId, ClaimsPrincipal user, ClientAccess access, AppDbContext db, AuditLog audit)
    {
        var (found, error) = await access.FindAsync(user, id);
        if (error is not null) return error;
        var client = found!;
        var removed = await db.UserClientAssignments.Where(a => a.ClientId == id && a.UserId == userId).ExecuteDeleteAsync();
        if (removed == 0) return ApiErrors.NotFound("User not assigned to this client");
        await audit.RecordNowAsync(user.Staff()!.Username, "client_user_unassigned", client.Slug, new { user_id = userId });
        return Results.Ok(SuccessBody.Instance);
    }
}
