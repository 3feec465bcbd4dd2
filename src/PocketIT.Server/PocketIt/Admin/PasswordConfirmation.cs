using PocketIT.Server.Core.Http;
using PocketIT.Server.Core.Identity;

namespace PocketIT.Server.PocketIt.Admin;

/// <summary>
/// Re-checks the signed-in user's password before a sensitive change. Wrong guesses count toward the
/// same per-username lockout as logins, so a stolen session cannot be used to guess the password.
/// </summary>
public sealed class PasswordConfirmation(PasswordHasher passwords, LoginLockout lockout)
{
    /// <summary>Null when the password is right; otherwise the refusal to send.</summary>
    public IResult? Check(StaffUser user, string password, string wrongMessage)
    {
        if (lockout.IsLocked(user.Username, out var retry))
            return ApiErrors.TooManyRequests("Too many failed attempts; try again later", retry);
        if (password.Length <= 1000 && passwords.Verify(password, user.PasswordHash)) return null;
        lockout.RecordFailure(user.Username);
        return ApiErrors.Unauthorized(wrongMessage);
    }
}
