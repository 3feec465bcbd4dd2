using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Core.Audit;
using PocketIT.Server.Core.Data;
using PocketIT.Server.Core.Devices;
using PocketIT.Server.Core.Identity;
using PocketIT.Server.Core.Tenancy;

namespace PocketIT.Server.PocketIt.Enrollment;

/// <summary>
/// Issues one-time enrollment tokens (UUID v4, stored as SHA-256, 24 h, bound to one client) and checks them.
/// Shared by <c>POST /api/enrollment/token</c> and the installer downloads.
/// </summary>
public sealed class EnrollmentTokenIssuer(AppDbContext db, AuditLog audit, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>The longest string that can be a token; anything longer is refused before hashing.</summary>
    public const int MaxTokenLength = 128;

    /// <summary>Creates and saves a token for <paramref name="client"/>; the plain token is returned once, only here.</summary>
    public async Task<(string Token, EnrollmentToken Row)> IssueAsync(Client client, string createdBy, object? auditDetails = null)
    {
        var token = SecretHasher.NewUuid();
        var now = time.GetUtcNow().UtcDateTime;
        var row = new EnrollmentToken
        {
            TokenHash = SecretHasher.Hash(token),
            ClientId = client.Id,
            CreatedBy = createdBy,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        };
        db.EnrollmentTokens.Add(row);
        audit.Record(createdBy, "enrollment_token_created", client.Slug, auditDetails);
        await db.SaveChangesAsync();
        return (token, row);
    }

    /// <summary>True when <paramref name="token"/> is active and unexpired; it is not consumed.</summary>
    public async Task<bool> IsValidAsync(string token)
    {
        if (token.Length > MaxTokenLength) return false;
        var hash = SecretHasher.Hash(token.Trim());
        var now = time.GetUtcNow().UtcDateTime;
        return await db.EnrollmentTokens.AnyAsync(t => t.TokenHash == hash && t.Status == EnrollmentTokenStatus.Active && t.ExpiresAt > now);
    }
}
