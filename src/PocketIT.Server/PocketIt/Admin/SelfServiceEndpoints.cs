using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Core.Audit;
using PocketIT.Server.Core.Data;
using PocketIT.Server.Core.Http;
using PocketIT.Server.Core.Identity;

namespace PocketIT.Server.PocketIt.Admin;

/// <summary>"My account": any staff role, viewers included, acting on the caller's own account only.</summary>
public static class SelfServiceEndpoints
{
    private const int MinPasswordLength = 8;

    public static void MapSelfService(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/user").WithTags("My account");
        group.MapGet("/profile", GetProfile).RequireAuthorization(Policies.Staff);
        group.MapPut("/profile", UpdateProfile).RequireAuthorization(Policies.Staff);
        group.MapPut("/password", ChangePassword).RequireAuthorization(Policies.Staff);
        group.MapPost("/2fa/backup-codes", RegenerateBackupCodes).RequireAuthorization(Policies.Staff);
        group.MapPost("/2fa/reset", ResetTwoFactor).RequireAuthorization(Policies.Staff);
        group.MapPreferences();
    }

    private static async Task<IResult> GetProfile(ClaimsPrincipal principal, AppDbContext db)
    {
        var id = principal.Staff()!.Id;
        var row = await db.Users.AsNoTracking().Where(u => u.Id == id).ToRows(db).FirstOrDefaultAsync();
        return row is null ? ApiErrors.NotFound("User not found") : Results.Ok(row);
    }

    private static async Task<IResult> UpdateProfile(UpdateProfileRequest body, ClaimsPrincipal principal, AppDbContext db)
    {
        if (Validation.IsBlank(body.DisplayName)) return ApiErrors.BadRequest("display_name is required");
        if (Validation.TooLong(body.DisplayName!.Trim(), 200, "display_name") is { } tooLong) return ApiErrors.BadRequest(tooLong);
        var user = await OwnAccountAsync(principal, db);
        if (user is null) return ApiErrors.NotFound("User not found");
        user.DisplayName = body.DisplayName.Trim();
        await db.SaveChangesAsync();
        return Results.Ok(SuccessBody.Instance);
    }

    private static async Task<IResult> ChangePassword(ChangePasswordRequest body, ClaimsPrincipal principal, AppDbContext db,
        PasswordConfirmation confirmation, PasswordHasher passwords, AuditLog audit)
    {
        if (string.IsNullOrEmpty(body.CurrentPassword) || string.IsNullOrEmpty(body.NewPassword))
            return ApiErrors.BadRequest("currentPassword and newPassword are required");
        if (body.NewPassword.Length < MinPasswordLength)
            return ApiErrors.BadRequest($"newPassword must be at least {MinPasswordLength} characters");
        if (Validation.TooLong(body.NewPassword, 1000, "newPassword") is { } tooLong) return ApiErrors.BadRequest(tooLong);
        var user = await OwnAccountAsync(principal, db);
        if (user is null) return ApiErrors.NotFound("User not found");
        if (confirmation.Check(user, body.CurrentPassword, "Current password is incorrect") is { } refused) return refused;

        user.PasswordHash = passwords.Hash(body.NewPassword);
        user.RevokeTokens();
        audit.Record(user.Username, "password_changed", user.Username);
        await db.SaveChangesAsync();
        return Results.Ok(SuccessBody.Instance);
    }

    private static async Task<IResult> RegenerateBackupCodes(PasswordConfirmationRequest body, ClaimsPrincipal principal,
        AppDbContext db, PasswordConfirmation confirmation, AuditLog audit, BackupCodeIssuer issuer)
    {
        if (string.IsNullOrEmpty(body.Password)) return ApiErrors.BadRequest("password is required");
        var user = await OwnAccountAsync(principal, db);
        if (user is null) return ApiErrors.NotFound("User not found");
        if (confirmation.Check(user, body.Password, "Password is incorrect") is { } refused) return refused;
        if (!user.TotpEnabled) return ApiErrors.BadRequest("Two-factor authentication is not enabled");

        audit.Record(user.Username, "backup_codes_regenerated", user.Username);
        var codes = await issuer.SaveWithNewCodesAsync(user.Id);
        return Results.Ok(new BackupCodesResult(true, codes));
    }

    private static async Task<IResult> ResetTwoFactor(PasswordConfirmationRequest body, ClaimsPrincipal principal,
        AppDbContext db, PasswordConfirmation confirmation, AuditLog audit)
    {
        if (string.IsNullOrEmpty(body.Password)) return ApiErrors.BadRequest("password is required");
        var user = await OwnAccountAsync(principal, db);
        if (user is null) return ApiErrors.NotFound("User not found");
        if (confirmation.Check(user, body.Password, "Password is incorrect") is { } refused) return refused;

        user.TotpSecret = null;
        user.TotpEnabled = false;
        user.TotpSetupRequired = true;
        user.TotpLastStep = null;
        user.RevokeTokens();
        db.BackupCodes.RemoveRange(await db.BackupCodes.Where(c => c.UserId == user.Id).ToListAsync());
        audit.Record(user.Username, "2fa_self_reset", user.Username);
        await db.SaveChangesAsync();
        return Results.Ok(SuccessBody.Instance);
    }

    /// <summary>The caller's own row, tracked. Under the localhost bypass that is the bootstrap admin.</summary>
    public static Task<StaffUser?> OwnAccountAsync(ClaimsPrincipal principal, AppDbContext db)
    {
        var id = principal.Staff()!.Id;
        return db.Users.FirstOrDefaultAsync(u => u.Id == id);
    }
}
