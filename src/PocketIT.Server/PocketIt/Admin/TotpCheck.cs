using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Core.Data;
using PocketIT.Server.Core.Identity;

namespace PocketIT.Server.PocketIt.Admin;

/// <summary>Checks a TOTP code against a user's encrypted secret; each code is accepted once.</summary>
public sealed class TotpCheck(SecretProtector protector, TotpService totp, AppDbContext db)
{
    public async Task<bool> VerifyAsync(StaffUser user, string? code)
    {
        if (ReadSecret(user) is not { } secret || !totp.Verify(secret, code, out var step)) return false;
        // Conditional update: of two uses of the same code (or an older one) only the first moves the step forward.
        var accepted = await db.Users
            .Where(u => u.Id == user.Id && (u.TotpLastStep == null || u.TotpLastStep < step))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.TotpLastStep, step));
        return accepted == 1;
    }

    /// <summary>A secret that no longer decrypts (the data directory's key was replaced) counts as absent, not as a crash.</summary>
    private string? ReadSecret(StaffUser user)
    {
        try { return protector.Unprotect(user.TotpSecret); }
        catch (Exception e) when (e is CryptographicException or FormatException) { return null; }
    }
}
