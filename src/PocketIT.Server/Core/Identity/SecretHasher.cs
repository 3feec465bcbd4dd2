using System.Security.Cryptography;
using System.Text;

namespace PocketIT.Server.Core.Identity;

/// <summary>
/// Machine credentials (device secrets, enrollment tokens) carry 122+ bits of randomness, so a
/// single SHA-256 is enough and costs microseconds instead of a password hash's ~100 ms.
/// </summary>
public static class SecretHasher
{
    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool Verify(string secret, string? expectedHash)
    {
        if (expectedHash is null) return false;
        var actual = Encoding.ASCII.GetBytes(Hash(secret));
        var expected = Encoding.ASCII.GetBytes(expectedHash);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>A new random UUID v4 string (122 random bits).</summary>
    public static string NewUuid() => Guid.NewGuid().ToString();
}
