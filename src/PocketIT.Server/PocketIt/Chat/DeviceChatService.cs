using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Assistant;
using PocketIT.Server.Core.Data;
using PocketIT.Server.Core.Devices;
using PocketIT.Server.PocketIt.Realtime;
using PocketIT.Server.PocketIt.Settings;

namespace PocketIT.Server.PocketIt.Chat;

/// <summary>
/// The end user's side of the chat (notes §5 <c>chat_message</c>): checks length and rate, stores the message
/// before the assistant is asked (so a provider failure loses nothing), executes the reply's action, stores the
/// reply with its <c>message_type</c> and <c>metadata</c>, and tells the device and the staff in scope.
/// </summary>
public sealed class DeviceChatService(AppDbContext db, ChatStore store, IDeviceAssistant assistant, AssistantActionRunner actions,
    SlidingWindowLimiter limiter, AssistantPauses pauses, RealtimeHub hub, StoredSettings settings)
{
    public async Task HandleUserMessageAsync(string deviceId, JsonElement content)
    {
        if (content.ValueKind != JsonValueKind.String) return;
        var text = content.GetString()!.Replace("\0", "");
        if (string.IsNullOrWhiteSpace(text)) return;
        if (text.Length > ChatLimits.MaxContent)
        {
            await SystemReplyAsync(deviceId, ChatLimits.TooLong);
            return;
        }
        if (!limiter.TryAcquire("chat:" + deviceId, ChatLimits.MessagesPerWindow, ChatLimits.Window))
        {
            await SystemReplyAsync(deviceId, ChatLimits.SlowDown);
            return;
        }

        var device = await db.Devices.AsNoTracking().FirstOrDefaultAsync(d => d.DeviceId == deviceId);
        if (device is null) return;
        var senderName = device.CurrentUser ?? device.Hostname;
        var message = await store.AddAsync(deviceId, "user", senderName, text);
        var messageView = new { sender = "user", content = text, sender_name = senderName, created_at = message.CreatedAt };

        var disabledReason = AssistantAvailability.DisabledReason(settings.AiEnabled, device.AiDisabled, pauses.IsPaused(deviceId));
        if (disabledReason is not null)
        {
            var notice = disabledReason switch
            {
                AssistantAvailability.ItActive => ChatLimits.TechnicianActive,
                AssistantAvailability.Global => ChatLimits.AssistantOffEverywhere,
                _ => ChatLimits.AssistantOff,
            };
            await hub.ToDeviceAsync(deviceId, "chat_response", new { text = notice, sender = "system", ai_disabled = true, action = (object?)null });
            await hub.ToStaffAsync(device.ClientId, "device_chat_update", new { deviceId, message = messageView });
            return;
        }

        var reply = await assistant.ReplyAsync(Context(device), await store.ContextAsync(deviceId), feedback: null);
        var response = await DeliverAsync(device, reply);
        await hub.ToStaffAsync(device.ClientId, "device_chat_update", new { deviceId, message = messageView, response });
    }

    /// <summary>Results of a diagnostic the assistant asked for go back to it; its answer reaches the user like any reply.</summary>
    public async Task FeedDiagnosticAsync(Device device, string checkType, string status, JsonElement results)
    {
        if (AssistantAvailability.DisabledReason(settings.AiEnabled, device.AiDisabled, pauses.IsPaused(device.DeviceId)) is not null) return;
        var feedback = DiagnosticFeedback.Format(checkType, status, results);
        var reply = await assistant.ReplyAsync(Context(device), await store.ContextAsync(device.DeviceId), feedback);
        if (reply.Failed) return; // nothing was asked by the user, so there is nothing to apologise for
        var response = await DeliverAsync(device, reply);
        await hub.ToStaffAsync(device.ClientId, "device_chat_update", new { deviceId = device.DeviceId, message = (object?)null, response });
    }

    /// <summary>Executes and stores a reply (a failure is answered but not stored), then sends it to the device.</summary>
    private async Task<object> DeliverAsync(Device device, AssistantReply reply)
    {
        var agentName = AgentNames.For(device.DeviceId);
        AssistantAction? action = null;
        if (!reply.Failed)
        {
            action = await actions.RunAsync(device, reply.Action, reply.Text);
            await store.AddAsync(device.DeviceId, "ai", agentName, reply.Text,
                action?.Type ?? "text", action is null ? null : JsonSerializer.Serialize(action));
        }
        var response = new { text = reply.Text, sender = "ai", agentName, action };
        await hub.ToDeviceAsync(device.DeviceId, "chat_response", response);
        return response;
    }

    private Task SystemReplyAsync(string deviceId, string text) =>
        hub.ToDeviceAsync(deviceId, "chat_response", new { text, sender = "system", action = (object?)null });

    internal static DeviceContext Context(Device d) =>
        new(d.DeviceId, d.Hostname, d.OsVersion, d.CpuModel, d.TotalRamGb, d.TotalDiskGb, d.ProcessorCount);
}
