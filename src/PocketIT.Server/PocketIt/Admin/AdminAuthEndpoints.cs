using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PocketIT.Server.Core.Audit;
using PocketIT.Server.Core.Data;
using PocketIT.Server.Core.Hosting;
using PocketIT.Server.Core.Http;
using PocketIT.Server.Core.Identity;

namespace PocketIT.Server.PocketIt.Admin;

/// <summary>Staff sign-in: password, then TOTP or a backup code when 2FA is on; auto-login over the localhost bypass.</summary>
public static class AdminAuthEndpoints
{
    private const string LockedMessage = "Too many failed attempts; try again later";

    public static void MapAdminAuth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Sign-in");
        group.MapPost("/login", Login).AllowAnonymous().RequireRateLimiting(RateLimits.Auth);
        group.MapPost("/verify-2fa", VerifyTwoFactor).AllowAnonymous().RequireRateLimiting(RateLimits.Auth);
        group.MapPost("/auto-login", AutoLogin).AllowAnonymous().RequireRateLimiting(RateLimits.Auth);
        group.MapTwoFactorSetup();
    }

    private static async Task<IResult> Login(LoginRequest body, AppDbContext db, PasswordHasher passwords,
        LoginLockout lockout, AuditLog audit, SignInService signIn, StaffTokenService tokens, HttpContext http)
    {
        if (Validation.IsBlank(body.Username) || string.IsNullOrEmpty(body.Password))
            return ApiErrors.BadRequest("Username and password required");
        if (body.Username!.Length > 100 || body.Password.Length > 1000) return ApiErrors.Unauthorized("Invalid credentials");
        var username = body.Username.Trim();
        if (lockout.IsLocked(username, out var retry)) return ApiErrors.TooManyRequests(LockedMessage, retry);

        var user = await db.Users.FirstOrDefaultAsync(u => u.Username == username);
        if (user is null) passwords.SpendOneVerification(body.Password);
        if (user is null || !passwords.Verify(body.Password, user.PasswordHash))
        {
            lockout.RecordFailure(username);
            await audit.RecordNowAsync(username, "login_failed", username,
                new { reason = user is null ? "user_not_found" : "invalid_password", ip = ClientIp(http) });
            return ApiErrors.Unauthorized("Invalid credentials");
        }
        // The lockout count is kept until the last factor passes, so a known password cannot reset code guessing.
        if (user.TotpEnabled)
            return Results.Ok(new TwoFactorChallenge(true, tokens.CreateTempToken(user, StaffTokenService.PurposeVerify)));
        if (user.TotpSetupRequired)
            return Results.Ok(new SetupChallenge(true, tokens.CreateTempToken(user, StaffTokenService.PurposeSetup)));
        return Results.Ok(await signIn.CompleteAsync(user, "password"));
    }

    private static async Task<IResult> VerifyTwoFactor(VerifyTwoFactorRequest body, AppDbContext db, StaffTokenService tokens,
        LoginLockout lockout, TotpCheck totp, BackupCodeService backupCodes, AuditLog audit, SignInService signIn, HttpContext http)
    {
        if (Validation.IsBlank(body.TempToken) || Validation.IsBlank(body.Code))
            return ApiErrors.BadRequest("tempToken and code are required");
        var subject = await tokens.ReadTempTokenAsync(body.TempToken, StaffTokenService.PurposeVerify);
        var user = subject is null ? null : await db.Users.FirstOrDefaultAsync(u => u.Id == subject.UserId);
        if (user is null || !user.Honours(subject!)) return ApiErrors.Unauthorized("Invalid or expired temporary token");
        if (lockout.IsLocked(user.Username, out var retry)) return ApiErrors.TooManyRequests(LockedMessage, retry);
        if (!user.TotpEnabled) return ApiErrors.BadRequest("Two-factor authentication is not enabled for this account");

        if (await totp.VerifyAsync(user, body.Code)) return Results.Ok(await signIn.CompleteAsync(user, "totp"));
        if (await backupCodes.TryConsumeAsync(user.Id, body.Code))
        {
            audit.Record(user.Username, "2fa_backup_code_used", user.Username, new { remaining = await backupCodes.CountUnusedAsync(user.Id) });
            return Results.Ok(await signIn.CompleteAsync(user, "backup_code"));
        }
        lockout.RecordFailure(user.Username);
        await audit.RecordNowAsync(user.Username, "2fa_verification_failed", user.Username, new { ip = ClientIp(http) });
        return ApiErrors.Unauthorized("Invalid verification code");
    }

    /// <summary>The dashboard opened on the server itself signs in as the bootstrap admin without a password or 2FA.</summary>
    private static async Task<IResult> AutoLogin(HttpContext http, IOptions<PocketItOptions> options, AppDbContext db,
        BootstrapAdmin bootstrapAdmin, SignInService signIn)
    {
        if (!LocalhostBypass.Applies(http, options.Value.Auth.LocalhostBypass))
            return ApiErrors.Forbidden("Auto-login is only available from localhost");
        var admin = await bootstrapAdmin.FindAsync(db);
        if (admin is null) return ApiErrors.NotFound("No superadmin account exists");
        db.Attach(admin);
        return Results.Ok(await signIn.CompleteAsync(admin, "auto_login"));
    }

    private static string? ClientIp(HttpContext http) => http.Connection.RemoteIpAddress?.ToString();
}
