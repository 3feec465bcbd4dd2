using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Core.Data;

namespace PocketIT.Server.Core.Identity;

/// <summary>The account the localhost bypass and auto-login act as: <c>admin</c>, else the oldest superadmin.</summary>
public sealed class BootstrapAdmin
{
    public const string Username = "admin";

    public async Task<StaffUser?> FindAsync(AppDbContext db) =>
        await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Username == Username && u.Role == Roles.Superadmin)
        ?? await db.Users.AsNoTracking().Where(u => u.Role == Roles.Superadmin).OrderBy(u => u.Id).FirstOrDefaultAsync();
}
