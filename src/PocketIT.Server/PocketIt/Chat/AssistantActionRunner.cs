using System.Text.Json;
using PocketIT.Server.Assistant;
using PocketIT.Server.Core.Audit;
using PocketIT.Server.Core.Data;
using PocketIT.Server.Core.Devices;
using PocketIT.Server.PocketIt.Realtime;
using PocketIT.Server.PocketIt.Tickets;

namespace PocketIT.Server.PocketIt.Chat;

/// <summary>
/// Carries out the one action of an assistant reply (notes §8.4) after validating it. Returns the action as
/// executed (a ticket gains its id), or null when it was refused, so the chat row and the reply show only
/// what really happened.
/// </summary>
public sealed class AssistantActionRunner(AppDbContext db, RealtimeHub hub, AuditLog audit, AwaitingDiagnostics awaiting,
    RemediationValidator remediation, AiTickets tickets, RequestIds ids, ILogger<AssistantActionRunner> logger)
{
    public async Task<AssistantAction?> RunAsync(Device device, AssistantAction? action, string replyText)
    {
        if (action is null) return null;
        switch (action.Type)
        {
            case "diagnose":
                var checkType = action.CheckType?.ToLowerInvariant();
                if (!AssistantRules.IsCheckType(checkType)) return Refuse(device, action, "unknown check type");
                awaiting.Expect(device.DeviceId, checkType!);
                audit.Record("ai", "diagnostic_requested", device.DeviceId, new { checkType });
                await db.SaveChangesAsync();
                await hub.ToDeviceAsync(device.DeviceId, "diagnostic_request",
                    new { checkType, requestId = ids.Next("diag"), description = $"The assistant would like to run a {checkType} check." });
                return action with { CheckType = checkType };

            case "remediate":
                var (parameter, error) = await remediation.ValidateAsync(device.DeviceId, action.ActionId, action.Parameter);
                if (error is not null) return Refuse(device, action, error);
                var requestId = ids.Next("rem");
                audit.Record("ai", "remediation_requested", device.DeviceId, new { actionId = action.ActionId, parameter, requestId });
                await db.SaveChangesAsync();
                await hub.ToDeviceAsync(device.DeviceId, "remediation_request", new { actionId = action.ActionId, requestId, parameter });
                return action with { Parameter = parameter };

            case "screenshot":
                var screenshotId = ids.Next("ss");
                audit.Record("ai", "screenshot_requested", device.DeviceId, new { requestId = screenshotId });
                await db.SaveChangesAsync();
                await hub.ToDeviceAsync(device.DeviceId, "screenshot_request",
                    new { requestId = screenshotId, reason = "The assistant would like to see your screen to help." });
                return action;

            case "ticket":
                var ticket = await tickets.CreateAsync(device, action, replyText);
                return action with { Title = ticket.Title, Description = ticket.Description, Priority = ticket.Priority, TicketId = ticket.Id };

            default:
                // run_script needs the script library, which this server does not have yet.
                return Refuse(device, action, "action not available");
        }
    }

    private AssistantAction? Refuse(Device device, AssistantAction action, string why)
    {
        logger.LogInformation("Refused assistant action {Action} for {DeviceId}: {Why}", JsonSerializer.Serialize(action), device.DeviceId, why);
        return null;
    }
}
