using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Core.Data;
using PocketIT.Server.Core.Http;
using PocketIT.Server.Core.Identity;
using PocketIT.Server.Core.Tenancy;

namespace PocketIT.Server.PocketIt.Clients;

/// <summary>Finds a client the caller may touch: 404 if there is none, 403 if it is outside their scope.</summary>
public sealed class ClientAccess(AppDbContext db, ScopeService scopes)
{
    public async Task<(Client? Client, IResult? Error)> FindAsync(ClaimsPrincipal user, int id)
    {
        var client = await db.Clients.FirstOrDefaultAsync(c => c.Id == id);
        if (client is null) return (null, ApiErrors.NotFound("Client not found"));
        var scope = await scopes.ForAsync(user.Staff()!);
        return scope.Includes(client.Id) ? (client, null) : (null, ApiErrors.NotInScope());
    }
}
