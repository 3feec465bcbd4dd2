using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using PocketIT.Server.Core.Hosting;

namespace PocketIT.Server.Core.Identity;

/// <summary>AES-256-GCM for secrets at rest (TOTP seeds, provider keys): <c>enc:iv:ciphertext:tag</c>, base64 parts.</summary>
public sealed class SecretProtector(IOptions<PocketItOptions> options)
{
    private readonly byte[] _key = DataDirectory.ReadOrCreateSecret(options.Value, "encryption.key", 32);

    public string Protect(string plaintext)
    {
        var iv = RandomNumberGenerator.GetBytes(12);
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var cipher = new byte[plain.Length];
        var tag = new byte[16];
        using var aes = new AesGcm(_key, 16);
        aes.Encrypt(iv, plain, cipher, tag);
        return $"enc:{Convert.ToBase64String(iv)}:{Convert.ToBase64String(cipher)}:{Convert.ToBase64String(tag)}";
    }

    public string? Unprotect(string? stored)
    {
        if (stored is null) return null;
        var parts = stored.Split(':');
        if (parts.Length != 4 || parts[0] != "enc") return null;
        var iv = Convert.FromBase64String(parts[1]);
        var cipher = Convert.FromBase64String(parts[2]);
        var tag = Convert.FromBase64String(parts[3]);
        var plain = new byte[cipher.Length];
        using var aes = new AesGcm(_key, 16);
        aes.Decrypt(iv, cipher, tag, plain);
        return Encoding.UTF8.GetString(plain);
    }
}
