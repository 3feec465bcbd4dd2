using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Core.Audit;
using PocketIT.Server.Core.Data;
using PocketIT.Server.Core.Http;
using PocketIT.Server.Core.Identity;

namespace PocketIT.Server.PocketIt.Admin;

/// <summary>
/// Turning TOTP on: during a forced setup (temp token with purpose <c>2fa_setup</c>) or by a signed-in user
/// (full bearer token). A <c>2fa_verify</c> token is not enough: it would let a password alone replace a second factor.
/// </summary>
public static class TwoFactorSetupEndpoints
{
    public static void MapTwoFactorSetup(this RouteGroupBuilder admin)
    {
        admin.MapPost("/2fa/setup", Setup).AllowAnonymous().RequireRateLimiting(RateLimits.Auth);
        admin.MapPost("/2fa/confirm", Confirm).AllowAnonymous().RequireRateLimiting(RateLimits.Auth);
    }

    private static async Task<IResult> Setup(TwoFactorSetupRequest? body, HttpContext http, AppDbContext db,
        StaffTokenService tokens, TotpService totp, SecretProtector protector)
    {
        var (user, _, error) = await FindSubjectAsync(body, http, db, tokens);
        if (error is not null) return error;
        if (user!.TotpEnabled) return ApiErrors.BadRequest("Two-factor authentication is already enabled");

        var secret = totp.NewSecret();
        user.TotpSecret = protector.Protect(secret); // not enabled until a code proves the authenticator has it
        await db.SaveChangesAsync();
        var uri = totp.OtpAuthUri(secret, user.Username);
        return Results.Ok(new TwoFactorSetupResult(secret, uri, TotpService.QrDataUri(uri)));
    }

    private static async Task<IResult> Confirm(TwoFactorSetupRequest? body, HttpContext http, AppDbContext db,
        StaffTokenService tokens, TotpCheck totp, AuditLog audit, SignInService signIn, BackupCodeIssuer issuer)
    {
        if (Validation.IsBlank(body?.Code)) return ApiErrors.BadRequest("code is required");
        var (user, duringSignIn, error) = await FindSubjectAsync(body, http, db, tokens);
        if (error is not null) return error;
        if (user!.TotpEnabled) return ApiErrors.BadRequest("Two-factor authentication is already enabled");
        if (user.TotpSecret is null) return ApiErrors.BadRequest("Start with /api/admin/2fa/setup first");
        if (!await totp.VerifyAsync(user, body!.Code)) return ApiErrors.Unauthorized("Invalid verification code");

        user.TotpEnabled = true;
        user.TotpSetupRequired = false;
        audit.Record(user.Username, "2fa_enabled", user.Username);
        if (duringSignIn) signIn.MarkSignedIn(user, "2fa_setup");
        var codes = await issuer.SaveWithNewCodesAsync(user.Id);
        var result = await signIn.ResultForAsync(user);
        return Results.Ok(new TwoFactorEnabledResult(result.Token, result.User, result.Clients, codes));
    }

    /// <summary>The tracked user named by the body's temp token or, failing that, by the Authorization header's full token.</summary>
    private static async Task<(StaffUser? User, bool DuringSignIn, IResult? Error)> FindSubjectAsync(
        TwoFactorSetupRequest? body, HttpContext http, AppDbContext db, StaffTokenService tokens)
    {
        TokenSubject? subject;
        var duringSignIn = !Validation.IsBlank(body?.TempToken);
        if (duringSignIn)
            subject = await tokens.ReadTempTokenAsync(body!.TempToken, StaffTokenService.PurposeSetup);
        else if (BearerToken(http) is { } bearer)
            subject = await tokens.ReadFullTokenAsync(bearer);
        else
            return (null, false, ApiErrors.BadRequest("tempToken is required (or sign in and send a bearer token)"));

        var user = subject is null ? null : await db.Users.FirstOrDefaultAsync(u => u.Id == subject.UserId);
        return user is null || !user.Honours(subject!)
            ? (null, false, ApiErrors.Unauthorized("Invalid or expired token"))
            : (user, duringSignIn, null);
    }

    private static string? BearerToken(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }
}
