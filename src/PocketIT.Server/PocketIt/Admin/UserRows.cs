using PocketIT.Server.Core.Data;
using PocketIT.Server.Core.Identity;

namespace PocketIT.Server.PocketIt.Admin;

/// <summary>The listing shape of staff accounts, with unused backup codes counted in the same query.</summary>
public static class UserRows
{
    /// <summary>Projects last: EF cannot filter or sort on members of a constructor projection.</summary>
    public static IQueryable<UserRow> ToRows(this IQueryable<StaffUser> users, AppDbContext db) =>
        users.Select(u => new UserRow(u.Id, u.Username, u.DisplayName, u.Role, u.CreatedAt, u.LastLogin,
            db.BackupCodes.Count(c => c.UserId == u.Id && c.UsedAt == null)));
}
