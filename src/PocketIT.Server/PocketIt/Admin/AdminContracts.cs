using System.Text.Json.Serialization;
using PocketIT.Server.Core.Identity;

namespace PocketIT.Server.PocketIt.Admin;

public sealed record LoginRequest(string? Username, string? Password);

public sealed record UserSummary(int Id, string Username, string? DisplayName, string Role)
{
    public static UserSummary From(StaffUser u) => new(u.Id, u.Username, u.DisplayName, u.Role);
}

public sealed record ClientRef(int Id, string Name, string Slug);

/// <summary>The documented result of a completed sign-in.</summary>
public sealed record LoginResult(string Token, UserSummary User, IReadOnlyList<ClientRef> Clients);

/// <summary>Password accepted, TOTP is on: the caller must send a code to <c>/verify-2fa</c>.</summary>
public sealed record TwoFactorChallenge(
    [property: JsonPropertyName("requires2FA")] bool Requires2FA,
    [property: JsonPropertyName("tempToken")] string TempToken);

/// <summary>Password accepted, 2FA was reset: the caller must set TOTP up again before signing in.</summary>
public sealed record SetupChallenge(
    [property: JsonPropertyName("requiresSetup")] bool RequiresSetup,
    [property: JsonPropertyName("tempToken")] string TempToken);

public sealed record VerifyTwoFactorRequest([property: JsonPropertyName("tempToken")] string? TempToken, string? Code);

/// <summary>For setup and confirm; <c>tempToken</c> may be left out when a full bearer token is sent instead.</summary>
public sealed record TwoFactorSetupRequest([property: JsonPropertyName("tempToken")] string? TempToken, string? Code);

public sealed record TwoFactorSetupResult(
    [property: JsonPropertyName("manualKey")] string ManualKey,
    [property: JsonPropertyName("otpauthUri")] string OtpauthUri,
    [property: JsonPropertyName("qrDataUri")] string QrDataUri);

public sealed record TwoFactorEnabledResult(string Token, UserSummary User, IReadOnlyList<ClientRef> Clients, IReadOnlyList<string> BackupCodes);
