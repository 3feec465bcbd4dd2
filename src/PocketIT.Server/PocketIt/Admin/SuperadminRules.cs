using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Core.Data;
using PocketIT.Server.Core.Http;
using PocketIT.Server.Core.Identity;

namespace PocketIT.Server.PocketIt.Admin;

/// <summary>Superadmin sits above admin: only a superadmin may touch a superadmin account, and one must always remain.</summary>
public static class SuperadminRules
{
    /// <summary>Null when <paramref name="caller"/> may change <paramref name="target"/> (optionally to <paramref name="newRole"/>).</summary>
    public static IResult? ForbidUnlessAllowed(Caller caller, StaffUser target, string? newRole = null)
    {
        if (caller.Role == Roles.Superadmin) return null;
        if (target.Role == Roles.Superadmin) return ApiErrors.Forbidden("Only a superadmin can modify a superadmin");
        if (newRole == Roles.Superadmin) return ApiErrors.Forbidden("Only a superadmin can grant the superadmin role");
        return null;
    }

    public static async Task<bool> IsLastSuperadminAsync(AppDbContext db, StaffUser target) =>
        target.Role == Roles.Superadmin && !await db.Users.AnyAsync(u => u.Role == Roles.Superadmin && u.Id != target.Id);
}
