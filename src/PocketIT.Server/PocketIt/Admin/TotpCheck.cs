using System.Security.Cryptography;
using PocketIT.Server.Core.Identity;

namespace PocketIT.Server.PocketIt.Admin;

/// <summary>Checks a TOTP code against a user's encrypted secret.</summary>
public sealed class TotpCheck(SecretProtector protector, TotpService totp)
{
    public bool Verify(StaffUser user, string? code) =>
        ReadSecret(user) is { } secret && totp.Verify(secret, code);

    /// <summary>A secret that no longer decrypts (the data directory's key was replaced) counts as absent, not as a crash.</summary>
    private string? ReadSecret(StaffUser user)
    {
        try { return protector.Unprotect(user.TotpSecret); }
        catch (Exception e) when (e is CryptographicException or FormatException) { return null; }
    }
}
