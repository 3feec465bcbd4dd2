using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Core.Data;
using PocketIT.Server.Core.Devices;
using PocketIT.Server.Core.Http;
using PocketIT.Server.Core.Identity;

namespace PocketIT.Server.PocketIt.Tickets;

/// <summary>Finds a ticket a staff caller may touch: 404 if there is none, 403 if its client is outside their scope.</summary>
public sealed class TicketAccess(AppDbContext db, ScopeService scopes)
{
    public async Task<(Ticket? Ticket, IResult? Error)> FindAsync(Caller caller, int id, bool track = false)
    {
        var query = track ? db.Tickets : db.Tickets.AsNoTracking();
        var ticket = await query.FirstOrDefaultAsync(t => t.Id == id);
        if (ticket is null) return (null, ApiErrors.NotFound("Ticket not found"));
        var scope = await scopes.ForAsync(caller);
        return scope.Includes(ticket.ClientId) ? (ticket, null) : (null, ApiErrors.NotInScope());
    }
}
