using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Core.Data;

namespace PocketIT.Server.Core.Identity;

public static class IdentityServiceExtensions
{
    public static IServiceCollection AddPocketItIdentity(this IServiceCollection services)
    {
        services.AddSingleton<StaffTokenService>();
        services.AddSingleton<PasswordHasher>();
        services.AddSingleton<SecretProtector>();
        services.AddSingleton<TotpService>();
        services.AddSingleton<LoginLockout>();
        services.AddSingleton<BootstrapAdmin>();
        services.AddScoped<BackupCodeService>();
        services.AddScoped<ScopeService>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuthErrorResponder>();

        services.AddAuthentication(AuthSchemes.Default)
            .AddPolicyScheme(AuthSchemes.Default, "Bearer token, device credentials or localhost bypass", o =>
                o.ForwardDefaultSelector = SelectScheme)
            .AddJwtBearer(AuthSchemes.Bearer, o =>
            {
                o.MapInboundClaims = false;
                o.Events = new JwtBearerEvents
                {
                    OnTokenValidated = RequireCurrentFullToken,
                    OnAuthenticationFailed = ctx =>
                    {
                        ctx.HttpContext.Items[AuthSchemes.FailureItemKey] ??= "Invalid or expired token";
                        return Task.CompletedTask;
                    },
                    OnChallenge = ctx =>
                    {
                        if (ctx.Request.Headers.Authorization.Count > 0)
                            ctx.HttpContext.Items[AuthSchemes.FailureItemKey] ??= "Invalid or expired token";
                        return Task.CompletedTask;
                    },
                };
            })
            .AddScheme<AuthenticationSchemeOptions, DeviceCredentialsHandler>(AuthSchemes.Device, null)
            .AddScheme<AuthenticationSchemeOptions, LocalhostBypassHandler>(AuthSchemes.LocalhostBypass, null);

        services.AddOptions<JwtBearerOptions>(AuthSchemes.Bearer)
            .Configure<StaffTokenService>((o, tokens) => o.TokenValidationParameters = tokens.ValidationParameters);

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Staff))
            .AddPolicy(Policies.StaffWrite, p => p.RequireRole(Roles.Writers))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admins))
            .AddPolicy(Policies.StaffWriteOrDevice, p => p.RequireRole([.. Roles.Writers, Roles.Device]));
        return services;
    }

    private static string SelectScheme(HttpContext context)
    {
        if (context.Request.Headers.Authorization.Count > 0) return AuthSchemes.Bearer;
        if (context.Request.Headers.ContainsKey("x-device-id") || context.Request.Headers.ContainsKey("x-device-secret"))
            return AuthSchemes.Device;
        return AuthSchemes.LocalhostBypass;
    }

    /// <summary>Temp 2FA tokens are refused here; a deleted user's token dies with the user; the role is read fresh.</summary>
    private static async Task RequireCurrentFullToken(TokenValidatedContext ctx)
    {
        var principal = ctx.Principal!;
        if (principal.HasClaim(c => c.Type == "purpose"))
        {
            ctx.HttpContext.Items[AuthSchemes.FailureItemKey] = "Full authentication required";
            ctx.Fail("Full authentication required");
            return;
        }
        var db = ctx.HttpContext.RequestServices.GetRequiredService<AppDbContext>();
        var subject = principal.Identity is System.Security.Claims.ClaimsIdentity identity ? TokenSubject.From(identity) : null;
        var user = subject is null ? null : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == subject.UserId);
        if (user is null || !user.Honours(subject!))
        {
            ctx.HttpContext.Items[AuthSchemes.FailureItemKey] = "Invalid or expired token";
            ctx.Fail("User no longer exists or the token was revoked");
            return;
        }
        ctx.Principal = StaffClaims.ForStaff(user, AuthSchemes.Bearer);
    }
}
