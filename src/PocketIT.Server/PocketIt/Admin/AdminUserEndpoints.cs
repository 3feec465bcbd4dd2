using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Core.Audit;
using PocketIT.Server.Core.Data;
using PocketIT.Server.Core.Http;
using PocketIT.Server.Core.Identity;

namespace PocketIT.Server.PocketIt.Admin;

/// <summary>Staff accounts, managed by admins.</summary>
public static class AdminUserEndpoints
{
    public static void MapAdminUsers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/users").WithTags("Users");
        group.MapPost("", Create).RequireAuthorization(Policies.Admin);
    }

    private static async Task<IResult> Create(CreateUserRequest body, ClaimsPrincipal principal, AppDbContext db,
        PasswordHasher passwords, AuditLog audit, TimeProvider time)
    {
        if (Validation.IsBlank(body.Username) || string.IsNullOrEmpty(body.Password))
            return ApiErrors.BadRequest("Username and password required");
        var role = body.Role ?? Roles.Technician;
        if (!Roles.IsStaff(role)) return ApiErrors.BadRequest("Invalid role value");
        var caller = principal.Staff()!;
        if (role == Roles.Superadmin && caller.Role != Roles.Superadmin)
            return ApiErrors.Forbidden("Only a superadmin can create a superadmin");
        if (Validation.First(Validation.TooLong(body.Username, 100, "username"), Validation.TooLong(body.Password, 1000, "password"),
                Validation.TooLong(body.DisplayName, 200, "display_name")) is { } tooLong)
            return ApiErrors.BadRequest(tooLong);
        var username = body.Username!.Trim();
        if (await db.Users.AnyAsync(u => u.Username == username)) return ApiErrors.BadRequest("Username already exists");

        var user = new StaffUser
        {
            Username = username,
            PasswordHash = passwords.Hash(body.Password),
            DisplayName = Validation.Optional(body.DisplayName),
            Role = role,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Users.Add(user);
        audit.Record(caller.Username, "user_created", username, new { role });
        try { await db.SaveChangesAsync(); }
        catch (DbUpdateException) { return ApiErrors.BadRequest("Username already exists"); }
        return Results.Ok(new CreatedUser(user.Id, user.Username, user.Role));
    }
}
