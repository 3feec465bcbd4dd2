using Microsoft.Extensions.Options;
using PocketIT.Server.Core.Hosting;

namespace PocketIT.Server.Core.Identity;

/// <summary>bcrypt for what people choose: passwords and backup codes.</summary>
public sealed class PasswordHasher(IOptions<PocketItOptions> options)
{
    private readonly int _workFactor = options.Value.Auth.BcryptWorkFactor;

    private readonly Lazy<string> _decoy = new(() => BCrypt.Net.BCrypt.HashPassword(Guid.NewGuid().ToString(), options.Value.Auth.BcryptWorkFactor));

    public string Hash(string password) => BCrypt.Net.BCrypt.HashPassword(password, _workFactor);

    /// <summary>Spends the time of a real check, so an unknown username cannot be told apart by timing.</summary>
    public void SpendOneVerification(string password) => Verify(password, _decoy.Value);

    public bool Verify(string password, string? hash)
    {
        if (string.IsNullOrEmpty(hash)) return false;
        try { return BCrypt.Net.BCrypt.Verify(password, hash); }
        catch (BCrypt.Net.SaltParseException) { return false; }
    }
}
