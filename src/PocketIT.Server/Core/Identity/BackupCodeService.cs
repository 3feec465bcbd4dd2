using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Core.Data;

namespace PocketIT.Server.Core.Identity;

/// <summary>Ten single-use recovery codes per user, shown once as <c>ABCD-1234</c> and stored as bcrypt hashes.</summary>
public sealed class BackupCodeService(AppDbContext db, PasswordHasher hasher, TimeProvider time)
{
    public const int CodesPerUser = 10;
    private const string Letters = "ABCDEFGHJKLMNPQRSTUVWXYZ";

    /// <summary>Replaces the user's codes; the caller saves the context.</summary>
    public async Task<List<string>> RegenerateAsync(int userId)
    {
        await db.BackupCodes.Where(c => c.UserId == userId).ExecuteDeleteAsync();
        var codes = Enumerable.Range(0, CodesPerUser).Select(_ => NewCode()).ToList();
        foreach (var code in codes)
            db.BackupCodes.Add(new BackupCode { UserId = userId, CodeHash = hasher.Hash(Normalize(code)) });
        return codes;
    }

    public Task<int> CountUnusedAsync(int userId) =>
        db.BackupCodes.CountAsync(c => c.UserId == userId && c.UsedAt == null);

    /// <summary>Consumes a matching unused code; the conditional update makes a code good for one login only.</summary>
    public async Task<bool> TryConsumeAsync(int userId, string? code)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 32) return false;
        var normalized = Normalize(code);
        if (normalized.Length != 8) return false;
        var candidates = await db.BackupCodes.AsNoTracking()
            .Where(c => c.UserId == userId && c.UsedAt == null).ToListAsync();
        foreach (var candidate in candidates)
        {
            if (!hasher.Verify(normalized, candidate.CodeHash)) continue;
            var now = time.GetUtcNow().UtcDateTime;
            var consumed = await db.BackupCodes
                .Where(c => c.Id == candidate.Id && c.UsedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now));
            return consumed == 1;
        }
        return false;
    }

    /// <summary>Case-insensitive, hyphen optional.</summary>
    private static string Normalize(string code) => code.Trim().Replace("-", "").ToUpperInvariant();

    private static string NewCode()
    {
        Span<char> chars = stackalloc char[9];
        for (var i = 0; i < 4; i++) chars[i] = Letters[RandomNumberGenerator.GetInt32(Letters.Length)];
        chars[4] = '-';
        for (var i = 5; i < 9; i++) chars[i] = (char)('0' + RandomNumberGenerator.GetInt32(10));
        return new string(chars);
    }
}
