using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Core.Data;
using PocketIT.Server.Core.Devices;

namespace PocketIT.Server.Core.Identity;

/// <summary>Which clients a caller may see: admins all, technicians and viewers only those assigned to them.</summary>
public sealed record ClientScope(bool All, IReadOnlyList<int> ClientIds)
{
    public static readonly ClientScope Everything = new(true, []);
    public bool Includes(int? clientId) => All || (clientId is int id && ClientIds.Contains(id));
}

public sealed class ScopeService(AppDbContext db)
{
    public async Task<ClientScope> ForAsync(Caller caller)
    {
        if (caller.IsAdmin) return ClientScope.Everything;
        var ids = await db.UserClientAssignments.Where(a => a.UserId == caller.Id).Select(a => a.ClientId).ToListAsync();
        return new ClientScope(false, ids);
    }
}

public static class ScopeQueryExtensions
{
    public static IQueryable<Device> InScope(this IQueryable<Device> query, ClientScope scope) =>
        scope.All ? query : query.Where(d => scope.ClientIds.Contains(d.ClientId));

    public static IQueryable<Ticket> InScope(this IQueryable<Ticket> query, ClientScope scope) =>
        scope.All ? query : query.Where(t => t.ClientId != null && scope.ClientIds.Contains(t.ClientId.Value));
}
