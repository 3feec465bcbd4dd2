namespace PocketIT.Server.Core.Identity;

/// <summary>An IT staff account (table <c>it_users</c>).</summary>
public sealed class StaffUser
{
    public int Id { get; set; }
    public required string Username { get; set; }
    public required string PasswordHash { get; set; }
    public string? DisplayName { get; set; }
    public required string Role { get; set; }
    /// <summary>Encrypted base32 TOTP secret; present but not enabled between setup and confirm.</summary>
    public string? TotpSecret { get; set; }
    public bool TotpEnabled { get; set; }
    /// <summary>Set by a self-service 2FA reset: the next login must set TOTP up again.</summary>
    public bool TotpSetupRequired { get; set; }
    /// <summary>The last TOTP time step accepted, so a code cannot be replayed within its window.</summary>
    public long? TotpLastStep { get; set; }
    /// <summary>Carried in every token; bumping it (password change, 2FA reset) kills the tokens issued before.</summary>
    public int TokenVersion { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastLogin { get; set; }

    public bool Honours(TokenSubject token) => token.Version == TokenVersion;

    public void RevokeTokens() => TokenVersion++;
}

public sealed class BackupCode
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public required string CodeHash { get; set; }
    public DateTime? UsedAt { get; set; }
}

public sealed class UserPreference
{
    public int UserId { get; set; }
    public required string Key { get; set; }
    public required string Value { get; set; }
}

public static class Roles
{
    public const string Superadmin = "superadmin";
    public const string Admin = "admin";
    public const string Technician = "technician";
    public const string Viewer = "viewer";
    /// <summary>Not a staff role: the principal of a device authenticated by its secret.</summary>
    public const string Device = "device";

    public static readonly string[] Staff = [Superadmin, Admin, Technician, Viewer];
    public static readonly string[] Writers = [Superadmin, Admin, Technician];
    public static readonly string[] Admins = [Superadmin, Admin];

    public static bool IsStaff(string? role) => role is not null && Staff.Contains(role);
    public static bool IsAdmin(string? role) => role is Superadmin or Admin;
}
