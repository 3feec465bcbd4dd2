using PocketIT.Server.Core.Data;
using PocketIT.Server.Core.Identity;

namespace PocketIT.Server.PocketIt.Admin;

/// <summary>
/// Replaces a user's backup codes and saves every pending change in one transaction:
/// <see cref="BackupCodeService.RegenerateAsync"/> deletes the old codes straight away, so without
/// the transaction a failed save would leave the user with no codes at all.
/// </summary>
public sealed class BackupCodeIssuer(AppDbContext db, BackupCodeService codes)
{
    public async Task<List<string>> SaveWithNewCodesAsync(int userId)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var fresh = await codes.RegenerateAsync(userId);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return fresh;
    }
}
