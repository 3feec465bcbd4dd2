using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Core.Audit;
using PocketIT.Server.Core.Data;
using PocketIT.Server.Core.Http;
using PocketIT.Server.Core.Identity;

namespace PocketIT.Server.PocketIt.Admin;

/// <summary>Staff sign-in: password, then TOTP or a backup code when 2FA is on.</summary>
public static class AdminAuthEndpoints
{
    public static void MapAdminAuth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Sign-in");
        group.MapPost("/login", Login).AllowAnonymous().RequireRateLimiting(RateLimits.Auth);
    }

    private static async Task<IResult> Login(LoginRequest body, AppDbContext db, PasswordHasher passwords,
        LoginLockout lockout, AuditLog audit, SignInService signIn, HttpContext http)
    {
        if (Validation.IsBlank(body.Username) || string.IsNullOrEmpty(body.Password))
            return ApiErrors.BadRequest("Username and password required");
        if (body.Username!.Length > 100 || body.Password.Length > 1000) return ApiErrors.Unauthorized("Invalid credentials");
        var username = body.Username.Trim();
        if (lockout.IsLocked(username, out var retry))
            return ApiErrors.TooManyRequests("Too many failed attempts; try again later", retry);

        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Username == username);
        if (user is null || !passwords.Verify(body.Password, user.PasswordHash))
        {
            lockout.RecordFailure(username);
            await audit.RecordNowAsync(username, "login_failed", username,
                new { reason = user is null ? "user_not_found" : "invalid_password", ip = http.Connection.RemoteIpAddress?.ToString() });
            return ApiErrors.Unauthorized("Invalid credentials");
        }
        lockout.RecordSuccess(username);
        audit.Record(username, "login_success", username);
        await db.SaveChangesAsync();
        return Results.Ok(await signIn.CompleteAsync(user));
    }
}
