using System.Security.Claims;

namespace PocketIT.Server.Core.Identity;

/// <summary>The caller as the endpoints see it.</summary>
public sealed record Caller(int Id, string Username, string Role, bool ViaLocalhostBypass)
{
    public bool IsAdmin => Roles.IsAdmin(Role);
}

public static class StaffClaims
{
    public const string Id = "id";
    public const string Username = "username";
    public const string Role = "role";
    public const string Bypass = "localhost_bypass";
    public const string DeviceId = "device_id";

    public static ClaimsPrincipal ForStaff(StaffUser user, string scheme, bool bypass = false)
    {
        var claims = new List<Claim>
        {
            new(Id, user.Id.ToString()),
            new(Username, user.Username),
            new(Role, user.Role),
        };
        if (bypass) claims.Add(new Claim(Bypass, "true"));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, Username, Role));
    }

    public static ClaimsPrincipal ForDevice(string deviceId, string scheme) =>
        new(new ClaimsIdentity([new Claim(DeviceId, deviceId), new Claim(Role, Roles.Device)], scheme, DeviceId, Role));

    /// <summary>The staff caller, or null for a device or an anonymous request.</summary>
    public static Caller? Staff(this ClaimsPrincipal principal)
    {
        var role = principal.FindFirst(Role)?.Value;
        if (!Roles.IsStaff(role) || !int.TryParse(principal.FindFirst(Id)?.Value, out var id)) return null;
        return new Caller(id, principal.FindFirst(Username)?.Value ?? "", role!, principal.HasClaim(Bypass, "true"));
    }

    /// <summary>The authenticated device's id, or null.</summary>
    public static string? DeviceIdOf(this ClaimsPrincipal principal) =>
        principal.FindFirst(Role)?.Value == Roles.Device ? principal.FindFirst(DeviceId)?.Value : null;
}
