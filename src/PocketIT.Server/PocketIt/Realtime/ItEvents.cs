using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Assistant;
using PocketIT.Server.Core.Audit;
using PocketIT.Server.Core.Data;
using PocketIT.Server.Core.Devices;
using PocketIT.Server.Core.Http;
using PocketIT.Server.Core.Identity;
using PocketIT.Server.PocketIt.Chat;
using PocketIT.Server.PocketIt.Devices;
using PocketIT.SocketIO;

namespace PocketIT.Server.PocketIt.Realtime;

/// <summary>
/// Client → server events of <c>/it</c> (notes §6). Every event names a device, which must be in the caller's
/// scope; viewers may watch but not act. Refusals answer <c>error_message</c>.
/// </summary>
public static class ItEvents
{
    public const int ToolRequestsPerMinute = 30;
    public const int DiagnosticsPerMinute = 10;
    public const int ScreenshotsPerMinute = 10;

    /// <summary>The device row as JSON in the REST shape; <see cref="DeviceDetail"/> has no secret to leak.</summary>
    private static readonly JsonSerializerOptions RowJson = CreateRowJson();

    public static void Map(SocketIONamespace ns)
    {
        ns.OnSafe("watch_device", WatchAsync);
        ns.OnSafe("unwatch_device", UnwatchAsync);
        ns.OnSafe("chat_to_device", ChatToDeviceAsync);
        ns.OnSafe("request_diagnostic", RequestDiagnosticAsync);
        ns.OnSafe("system_tool_request", SystemToolRequestAsync);
        ns.OnSafe("request_screenshot", RequestScreenshotAsync);
    }

    private static async Task WatchAsync(SocketIOEvent e, IServiceProvider services)
    {
        if (await DeviceInScopeAsync(e, services, write: false) is not { } device) return;
        e.Socket.Join(RealtimeRooms.Watchers(device.DeviceId));
        await e.Socket.EmitAsync("device_status", JsonSerializer.SerializeToElement(DeviceDetail.From(device), RowJson));
        var history = await services.GetRequiredService<ChatStore>().RecentAsync(device.DeviceId, ChatLimits.HistoryForWatchers);
        await e.Socket.EmitAsync("device_chat_history", new
        {
            deviceId = device.DeviceId,
            messages = history.Select(m => new
            {
                id = m.Id, sender = m.Sender, sender_name = m.SenderName, content = m.Content,
                message_type = m.MessageType, metadata = m.Metadata, created_at = m.CreatedAt,
            }),
        });
    }

    private static async Task UnwatchAsync(SocketIOEvent e, IServiceProvider services)
    {
        var deviceId = Payload.Of(e).String("deviceId", DeviceAccess.MaxDeviceIdLength);
        if (deviceId is null) return;
        e.Socket.Leave(RealtimeRooms.Watchers(deviceId));
        await services.GetRequiredService<AssistantPauses>().ResumeIfPausedByAsync(deviceId, e.Socket.Id);
    }

    private static async Task ChatToDeviceAsync(SocketIOEvent e, IServiceProvider services)
    {
        var payload = Payload.Of(e);
        var content = payload.String("content", ChatLimits.MaxContent);
        if (string.IsNullOrWhiteSpace(content))
        {
            await e.Socket.ErrorAsync(payload.IsString("content") ? "content must be 1 to 10,000 characters" : "content is required");
            return;
        }
        if (await DeviceInScopeAsync(e, services, write: true) is not { } device) return;
        var caller = e.Socket.Caller();
        var hub = services.GetRequiredService<RealtimeHub>();
        var row = await services.GetRequiredService<ChatStore>().AddAsync(device.DeviceId, "it_tech", caller.Username, content);
        await hub.ToDeviceAsync(device.DeviceId, "chat_response", new { text = content, sender = "it_tech", senderName = caller.Username, action = (object?)null });
        await hub.ToStaffAsync(device.ClientId, "device_chat_update", new
        {
            deviceId = device.DeviceId,
            message = new { sender = "it_tech", content, sender_name = caller.Username, created_at = row.CreatedAt },
        });
        services.GetRequiredService<AssistantPauses>().Start(device.DeviceId, device.ClientId, device.Hostname, e.Socket.Id, caller.Username);
        await hub.ToDeviceAsync(device.DeviceId, "ai_status", new { enabled = false, reason = "it_active" });
        await hub.ToStaffAsync(device.ClientId, "device_ai_changed", new { deviceId = device.DeviceId, ai_disabled = "it_active", ai_disabled_by = caller.Username });
    }

    private static async Task RequestDiagnosticAsync(SocketIOEvent e, IServiceProvider services)
    {
        var payload = Payload.Of(e);
        var checkType = payload.Get("checkType").ValueKind is JsonValueKind.Undefined or JsonValueKind.Null
            ? "all" : payload.String("checkType", 32)?.ToLowerInvariant();
        if (!AssistantRules.IsCheckType(checkType))
        {
            await e.Socket.ErrorAsync($"checkType must be one of {string.Join(", ", AssistantRules.CheckTypes)}");
            return;
        }
        if (await DeviceInScopeAsync(e, services, write: true) is not { } device) return;
        if (!await ReadyAsync(e, services, device, "diag", DiagnosticsPerMinute)) return;
        var requestId = services.GetRequiredService<TimeProvider>().GetUtcNow().ToUnixTimeMilliseconds();
        Audit(services, e.Socket, "diagnostic_requested", device.DeviceId, new { checkType, requestId });
        await services.GetRequiredService<AppDbContext>().SaveChangesAsync();
        await services.GetRequiredService<RealtimeHub>().ToDeviceAsync(device.DeviceId, "diagnostic_request", new { checkType, requestId, itInitiated = true });
        await e.Socket.EmitAsync("diagnostic_requested", new { deviceId = device.DeviceId, checkType });
    }

    private static async Task SystemToolRequestAsync(SocketIOEvent e, IServiceProvider services)
    {
        var payload = Payload.Of(e);
        var tool = payload.String("tool", 64);
        var (parameters, error) = SystemToolRules.Validate(tool, payload.Get("params"));
        var requestId = payload.Get("requestId").ValueKind is JsonValueKind.Undefined or JsonValueKind.Null
            ? services.GetRequiredService<RequestIds>().Next("st")
            : payload.String("requestId", 64);
        if (error is not null || requestId is null)
        {
            await e.Socket.ErrorAsync(error ?? "requestId must be a string of at most 64 characters");
            return;
        }
        if (await DeviceInScopeAsync(e, services, write: true) is not { } device) return;
        if (!await ReadyAsync(e, services, device, "tool", ToolRequestsPerMinute)) return;
        services.GetRequiredService<PendingToolRequests>().Add(device.DeviceId, requestId, e.Socket.Id);
        Audit(services, e.Socket, "system_tool_requested", device.DeviceId, new { tool, requestId });
        await services.GetRequiredService<AppDbContext>().SaveChangesAsync();
        await services.GetRequiredService<RealtimeHub>().ToDeviceAsync(device.DeviceId, "system_tool_request", new { requestId, tool, @params = parameters });
        await e.Socket.EmitAsync("system_tool_requested", new { deviceId = device.DeviceId, requestId, tool });
    }

    private static async Task RequestScreenshotAsync(SocketIOEvent e, IServiceProvider services)
    {
        if (await DeviceInScopeAsync(e, services, write: true) is not { } device) return;
        if (!await ReadyAsync(e, services, device, "screenshot", ScreenshotsPerMinute)) return;
        var requestId = "it-" + services.GetRequiredService<RequestIds>().Next("ss");
        Audit(services, e.Socket, "screenshot_requested", device.DeviceId, new { requestId });
        await services.GetRequiredService<AppDbContext>().SaveChangesAsync();
        e.Socket.Join(RealtimeRooms.Watchers(device.DeviceId)); // the result goes to watchers
        await services.GetRequiredService<RealtimeHub>().ToDeviceAsync(device.DeviceId, "screenshot_request", new { requestId, reason = "A technician asked to see your screen." });
        await e.Socket.EmitAsync("screenshot_requested", new { deviceId = device.DeviceId, requestId });
    }

    /// <summary>The device named by the payload if the caller may see it (and act on it, for <paramref name="write"/>).</summary>
    private static async Task<Device?> DeviceInScopeAsync(SocketIOEvent e, IServiceProvider services, bool write)
    {
        var caller = e.Socket.Caller();
        if (write && !Roles.Writers.Contains(caller.Role))
        {
            await e.Socket.ErrorAsync("Viewers cannot act on devices");
            return null;
        }
        var deviceId = Payload.Of(e).String("deviceId", DeviceAccess.MaxDeviceIdLength);
        if (string.IsNullOrEmpty(deviceId))
        {
            await e.Socket.ErrorAsync("deviceId is required");
            return null;
        }
        var device = await services.GetRequiredService<AppDbContext>().Devices.AsNoTracking().FirstOrDefaultAsync(d => d.DeviceId == deviceId);
        if (device is null || !e.Socket.Scope().Includes(device.ClientId))
        {
            // One answer for both, so a technician cannot probe other clients' device ids.
            await e.Socket.ErrorAsync("Device not found or not in your scope");
            return null;
        }
        return device;
    }

    /// <summary>The device must be connected, and the caller within its per-minute limit for this kind of request.</summary>
    private static async Task<bool> ReadyAsync(SocketIOEvent e, IServiceProvider services, Device device, string kind, int perMinute)
    {
        if (!services.GetRequiredService<RealtimeHub>().IsDeviceConnected(device.DeviceId))
        {
            await e.Socket.ErrorAsync("Device is offline");
            return false;
        }
        if (!services.GetRequiredService<SlidingWindowLimiter>().TryAcquire($"{e.Socket.Id}:{kind}", perMinute, TimeSpan.FromMinutes(1)))
        {
            await e.Socket.ErrorAsync("Too many requests, please retry later");
            return false;
        }
        return true;
    }

    private static void Audit(IServiceProvider services, SocketIOSocket socket, string action, string deviceId, object details) =>
        services.GetRequiredService<AuditLog>().Record(socket.Caller().Username, action, deviceId, details);

    private static JsonSerializerOptions CreateRowJson()
    {
        var options = new JsonSerializerOptions();
        JsonConventions.Apply(options);
        return options;
    }
}
