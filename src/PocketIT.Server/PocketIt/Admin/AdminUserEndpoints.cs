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
        group.MapGet("", List).RequireAuthorization(Policies.Admin);
        group.MapPost("", Create).RequireAuthorization(Policies.Admin);
        group.MapPut("/{id}", Update).RequireAuthorization(Policies.Admin);
        group.MapDelete("/{id}", Delete).RequireAuthorization(Policies.Admin);
        group.MapPost("/{id}/backup-codes", RegenerateBackupCodes).RequireAuthorization(Policies.Admin);
    }

    private static async Task<IResult> List(AppDbContext db) =>
        Results.Ok(await db.Users.AsNoTracking().OrderBy(u => u.Id).ToRows(db).ToListAsync());

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

    private static async Task<IResult> Update(int id, UpdateUserRequest body, ClaimsPrincipal principal, AppDbContext db,
        PasswordHasher passwords, AuditLog audit)
    {
        if (body.DisplayName is null && body.Role is null && body.Password is null)
            return ApiErrors.BadRequest("No fields to update");
        if (body.Role is not null && !Roles.IsStaff(body.Role)) return ApiErrors.BadRequest("Invalid role value");
        if (body.Password is not null && body.Password.Length == 0) return ApiErrors.BadRequest("password cannot be empty");
        if (Validation.First(Validation.TooLong(body.Password, 1000, "password"), Validation.TooLong(body.DisplayName, 200, "display_name")) is { } tooLong)
            return ApiErrors.BadRequest(tooLong);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id);
        if (user is null) return ApiErrors.NotFound("User not found");
        var caller = principal.Staff()!;
        if (SuperadminRules.ForbidUnlessAllowed(caller, user, body.Role) is { } forbidden) return forbidden;
        if (body.Role is not null && body.Role != Roles.Superadmin && await SuperadminRules.IsLastSuperadminAsync(db, user))
            return ApiErrors.BadRequest("Cannot change the role of the last superadmin");

        var changed = new List<string>();
        if (body.DisplayName is not null) { user.DisplayName = Validation.Optional(body.DisplayName); changed.Add("display_name"); }
        if (body.Role is not null) { user.Role = body.Role; changed.Add("role"); }
        if (body.Password is not null)
        {
            user.PasswordHash = passwords.Hash(body.Password);
            user.RevokeTokens(); // a reset password ends the sessions it let in
            changed.Add("password");
        }
        audit.Record(caller.Username, "user_updated", user.Username, new { fields = changed, role = body.Role });
        await db.SaveChangesAsync();
        return Results.Ok(SuccessBody.Instance);
    }

    private static async Task<IResult> Delete(int id, ClaimsPrincipal principal, AppDbContext db, AuditLog audit)
    {
        var caller = principal.Staff()!;
        if (id == caller.Id) return ApiErrors.BadRequest("Cannot delete your own account");
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id);
        if (user is null) return ApiErrors.NotFound("User not found");
        if (SuperadminRules.ForbidUnlessAllowed(caller, user) is { } forbidden) return forbidden;
        if (await SuperadminRules.IsLastSuperadminAsync(db, user)) return ApiErrors.BadRequest("Cannot delete the last superadmin");

        // Client assignments, backup codes and preferences go with the user (ON DELETE CASCADE).
        db.Users.Remove(user);
        audit.Record(caller.Username, "user_deleted", user.Username, new { role = user.Role });
        await db.SaveChangesAsync();
        return Results.Ok(SuccessBody.Instance);
    }

    private static async Task<IResult> RegenerateBackupCodes(int id, ClaimsPrincipal principal, AppDbContext db,
        AuditLog audit, BackupCodeIssuer issuer)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id);
        if (user is null) return ApiErrors.NotFound("User not found");
        var caller = principal.Staff()!;
        if (SuperadminRules.ForbidUnlessAllowed(caller, user) is { } forbidden) return forbidden;
        if (!user.TotpEnabled) return ApiErrors.BadRequest("Two-factor authentication is not enabled for this user");

        audit.Record(caller.Username, "backup_codes_regenerated", user.Username);
        var codes = await issuer.SaveWithNewCodesAsync(user.Id);
        return Results.Ok(new BackupCodesResult(true, codes));
    }
}
