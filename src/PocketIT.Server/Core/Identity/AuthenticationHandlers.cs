using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PocketIT.Server.Core.Data;
using PocketIT.Server.Core.Hosting;

namespace PocketIT.Server.Core.Identity;

/// <summary>Loopback requests without a token or forwarding headers act as the bootstrap admin.</summary>
public sealed class LocalhostBypassHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions, ILoggerFactory logger, UrlEncoder encoder,
    IOptions<PocketItOptions> options, BootstrapAdmin bootstrapAdmin)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!LocalhostBypass.Applies(Context, options.Value.Auth.LocalhostBypass))
            return AuthenticateResult.NoResult();
        var admin = await bootstrapAdmin.FindAsync(Context.RequestServices.GetRequiredService<AppDbContext>());
        if (admin is null) return AuthenticateResult.NoResult();
        return AuthenticateResult.Success(new AuthenticationTicket(StaffClaims.ForStaff(admin, Scheme.Name, bypass: true), Scheme.Name));
    }
}

/// <summary>A device proves itself with <c>x-device-id</c> + <c>x-device-secret</c> from enrollment.</summary>
public sealed class DeviceCredentialsHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? deviceId = Request.Headers["x-device-id"];
        string? secret = Request.Headers["x-device-secret"];
        if (string.IsNullOrEmpty(deviceId) || string.IsNullOrEmpty(secret))
            return Fail("Device authentication required", StatusCodes.Status401Unauthorized);
        if (deviceId.Length > 256 || secret.Length > 256)
            return Fail("Invalid device credentials", StatusCodes.Status403Forbidden);

        var db = Context.RequestServices.GetRequiredService<AppDbContext>();
        var hash = await db.Devices.AsNoTracking().Where(d => d.DeviceId == deviceId)
            .Select(d => d.SecretHash).FirstOrDefaultAsync();
        if (hash is null) return Fail("Device not enrolled", StatusCodes.Status403Forbidden);
        if (!SecretHasher.Verify(secret, hash)) return Fail("Invalid device credentials", StatusCodes.Status403Forbidden);
        return AuthenticateResult.Success(new AuthenticationTicket(StaffClaims.ForDevice(deviceId, Scheme.Name), Scheme.Name));
    }

    /// <summary>Missing credentials are a 401; a device that is unknown or proves nothing is a 403, as the original answered.</summary>
    private AuthenticateResult Fail(string message, int status)
    {
        Context.Items[AuthSchemes.FailureItemKey] = message;
        Context.Items[AuthSchemes.FailureStatusItemKey] = status;
        return AuthenticateResult.Fail(message);
    }
}
