using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Assistant;
using PocketIT.Server.Core.Audit;
using PocketIT.Server.Core.Data;
using PocketIT.Server.Core.Devices;

namespace PocketIT.Server.PocketIt.Tickets;

/// <summary>
/// Tickets the assistant opens (notes §8.4): model text is cleaned before it is stored, the priority falls back to
/// medium, <c>ai_summary</c> is the reply, and the requester is the signed-in user, else the first logged-in user,
/// else the hostname. The ticket and its audit row commit together.
/// </summary>
public sealed class AiTickets(AppDbContext db, AuditLog audit, TicketEvents events, TimeProvider time)
{
    public const int MaxAiTitle = 200;
    public const int MaxAiDescription = 2000;

    public async Task<Ticket> CreateAsync(Device device, AssistantAction action, string replyText)
    {
        var title = Clean(action.Title, "<>&\"'", MaxAiTitle);
        var ticket = new Ticket
        {
            DeviceId = device.DeviceId,
            ClientId = device.ClientId,
            Title = title.Length == 0 ? "Support request from the assistant" : title,
            Description = Clean(action.Description, "<>&", MaxAiDescription) is { Length: > 0 } d ? d : null,
            Priority = action.Priority?.ToLowerInvariant() is { } p && TicketRules.IsPriority(p) ? p : TicketRules.DefaultPriority,
            AiSummary = replyText.Length > TicketRules.MaxDescription ? replyText[..TicketRules.MaxDescription] : replyText,
            RequestedBy = Requester(device),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Tickets.Add(ticket);
        await db.SaveChangesAsync();
        audit.Record("ai", "ticket_created", ticket.Id.ToString(), new { device_id = ticket.DeviceId, title = ticket.Title, priority = ticket.Priority });
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        await events.PublishCreatedAsync(ticket, device.Hostname, "ai");
        return ticket;
    }

    private static string Clean(string? value, string strip, int max)
    {
        if (value is null) return "";
        var kept = new string(value.Where(c => !strip.Contains(c) && c != '\0').ToArray()).Trim();
        return kept.Length <= max ? kept : kept[..max];
    }

    private static string Requester(Device device)
    {
        if (!string.IsNullOrWhiteSpace(device.CurrentUser)) return device.CurrentUser;
        try
        {
            if (device.LoggedInUsers is not null && JsonSerializer.Deserialize<string[]>(device.LoggedInUsers) is [var first, ..] && !string.IsNullOrWhiteSpace(first))
                return first;
        }
        catch (JsonException) { }
        return device.Hostname ?? device.DeviceId;
    }
}
