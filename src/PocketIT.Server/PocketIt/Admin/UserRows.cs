using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Core.Data;

namespace PocketIT.Server.PocketIt.Admin;

/// <summary>The listing shape of staff accounts, with unused backup codes counted in the same query.</summary>
public static class UserRows
{
    public static IQueryable<UserRow> UserRowsQuery(this AppDbContext db) =>
        db.Users.AsNoTracking().Select(u => new UserRow(u.Id, u.Username, u.DisplayName, u.Role, u.CreatedAt, u.LastLogin,
            db.BackupCodes.Count(c => c.UserId == u.Id && c.UsedAt == null)));
}
