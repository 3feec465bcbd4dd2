using PocketIT.Server.Core.Devices;
using PocketIT.Server.PocketIt.Realtime;

namespace PocketIT.Server.PocketIt.Tickets;

/// <summary><c>ticket_created</c> to the staff in the ticket's client scope, whoever opened it (REST or the assistant).</summary>
public sealed class TicketEvents(RealtimeHub hub)
{
    public Task PublishCreatedAsync(Ticket ticket, string? hostname, string source) =>
        hub.ToStaffAsync(ticket.ClientId, "ticket_created", new
        {
            id = ticket.Id,
            deviceId = ticket.DeviceId,
            // The device's hostname, not the requester (the original mixed them up, notes §15).
            hostname,
            title = ticket.Title,
            priority = ticket.Priority,
            status = ticket.Status,
            ai_summary = ticket.AiSummary,
            requested_by = ticket.RequestedBy,
            source,
            created_at = ticket.CreatedAt,
        });
}
