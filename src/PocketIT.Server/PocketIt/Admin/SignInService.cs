using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Core.Data;
using PocketIT.Server.Core.Identity;

namespace PocketIT.Server.PocketIt.Admin;

/// <summary>Completes a sign-in: stamps last_login and builds <c>{token,user,clients}</c> with the user's client scope.</summary>
public sealed class SignInService(AppDbContext db, StaffTokenService tokens, ScopeService scopes, TimeProvider time)
{
    public async Task<LoginResult> CompleteAsync(StaffUser user)
    {
        await db.Users.Where(u => u.Id == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastLogin, time.GetUtcNow().UtcDateTime));
        return new LoginResult(tokens.CreateFullToken(user), UserSummary.From(user), await ClientsOfAsync(user));
    }

    public async Task<IReadOnlyList<ClientRef>> ClientsOfAsync(StaffUser user)
    {
        var scope = await scopes.ForAsync(new Caller(user.Id, user.Username, user.Role, false));
        var query = db.Clients.AsNoTracking();
        if (!scope.All) query = query.Where(c => scope.ClientIds.Contains(c.Id));
        return await query.OrderBy(c => c.Name).Select(c => new ClientRef(c.Id, c.Name, c.Slug)).ToListAsync();
    }
}
