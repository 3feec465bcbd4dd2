using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Core.Audit;
using PocketIT.Server.Core.Data;
using PocketIT.Server.Core.Identity;

namespace PocketIT.Server.PocketIt.Admin;

/// <summary>
/// Finishes a sign-in once every factor has passed: stamps last_login, audits <c>login_success</c>,
/// clears the lockout count, and builds <c>{token,user,clients}</c> with the user's client scope.
/// </summary>
public sealed class SignInService(AppDbContext db, StaffTokenService tokens, ScopeService scopes, AuditLog audit,
    LoginLockout lockout, TimeProvider time)
{
    /// <summary>Records the sign-in on a tracked user; the caller saves, together with its own changes.</summary>
    public void MarkSignedIn(StaffUser user, string method)
    {
        user.LastLogin = time.GetUtcNow().UtcDateTime;
        audit.Record(user.Username, "login_success", user.Username, new { method });
        lockout.RecordSuccess(user.Username);
    }

    public async Task<LoginResult> CompleteAsync(StaffUser user, string method)
    {
        MarkSignedIn(user, method);
        await db.SaveChangesAsync();
        return await ResultForAsync(user);
    }

    public async Task<LoginResult> ResultForAsync(StaffUser user) =>
        new(tokens.CreateFullToken(user), UserSummary.From(user), await ClientsOfAsync(user));

    public async Task<IReadOnlyList<ClientRef>> ClientsOfAsync(StaffUser user)
    {
        var scope = await scopes.ForAsync(new Caller(user.Id, user.Username, user.Role, false));
        var query = db.Clients.AsNoTracking();
        if (!scope.All) query = query.Where(c => scope.ClientIds.Contains(c.Id));
        return await query.OrderBy(c => c.Name).Select(c => new ClientRef(c.Id, c.Name, c.Slug)).ToListAsync();
    }
}
