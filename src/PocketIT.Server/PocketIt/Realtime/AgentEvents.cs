using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Core.Audit;
using PocketIT.Server.Core.Data;
using PocketIT.Server.PocketIt.Chat;
using PocketIT.Server.PocketIt.Devices;
using PocketIT.SocketIO;

namespace PocketIT.Server.PocketIt.Realtime;

/// <summary>Client → server events of <c>/agent</c> (notes §5). Every payload is untrusted and checked before use.</summary>
public static class AgentEvents
{
    /// <summary>A screenshot as base64 (about 6 MB of image); the Socket.IO payload limit is sized above it.</summary>
    public const int MaxScreenshotChars = 8_000_000;
    private static readonly string[] ScreenshotTypes = ["image/png", "image/jpeg"];

    public static void Map(SocketIONamespace ns)
    {
        ns.OnSafe("chat_message", (e, s) =>
            s.GetRequiredService<DeviceChatService>().HandleUserMessageAsync(e.Socket.DeviceId(), Payload.Of(e).Get("content")));
        ns.OnSafe("system_profile", SystemProfileAsync);
        ns.OnSafe("diagnostic_result", (e, s) => s.GetRequiredService<DiagnosticIntake>().AcceptAsync(e.Socket, Payload.Of(e)));
        ns.OnSafe("remediation_result", RemediationResultAsync);
        ns.OnSafe("screenshot_result", ScreenshotResultAsync);
        ns.OnSafe("system_tool_result", SystemToolResultAsync);
        ns.OnSafe("heartbeat", HeartbeatAsync);
    }

    private static async Task SystemProfileAsync(SocketIOEvent e, IServiceProvider services)
    {
        var payload = Payload.Of(e);
        if (!payload.IsObject)
        {
            await e.Socket.ErrorAsync("system_profile must be an object");
            return;
        }
        var deviceId = e.Socket.DeviceId();
        var db = services.GetRequiredService<AppDbContext>();
        var device = await db.Devices.FirstOrDefaultAsync(d => d.DeviceId == deviceId);
        if (device is null) return;
        SystemProfileMapper.Apply(device, payload.Root);
        device.Status = "online";
        device.LastSeen = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        await services.GetRequiredService<RealtimeHub>().ToStaffAsync(device.ClientId, "device_status_changed",
            new { deviceId, status = "online", hostname = device.Hostname });
    }

    private static async Task RemediationResultAsync(SocketIOEvent e, IServiceProvider services)
    {
        var payload = Payload.Of(e);
        var requestId = payload.String("requestId", 64);
        var success = payload.Bool("success");
        if (requestId is null || success is null)
        {
            await e.Socket.ErrorAsync("remediation_result needs requestId and success");
            return;
        }
        var message = payload.String("message", 2000) ?? "";
        var deviceId = e.Socket.DeviceId();
        var clientId = await ClientOfAsync(services, deviceId);
        services.GetRequiredService<AuditLog>().Record(deviceId, "remediation_executed", deviceId, new { requestId, success, message });
        await services.GetRequiredService<AppDbContext>().SaveChangesAsync();
        await services.GetRequiredService<RealtimeHub>().ToStaffAsync(clientId, "device_remediation_update",
            new { deviceId, requestId, success, message });
    }

    private static async Task ScreenshotResultAsync(SocketIOEvent e, IServiceProvider services)
    {
        var payload = Payload.Of(e);
        var requestId = payload.String("requestId", 64);
        var image = payload.String("imageBase64", MaxScreenshotChars);
        var mimeType = payload.String("mimeType", 32);
        var denied = payload.Get("imageBase64").ValueKind is JsonValueKind.Null or JsonValueKind.Undefined;
        if (requestId is null || (!denied && (image is null || mimeType is null || !ScreenshotTypes.Contains(mimeType) || !IsBase64(image))))
        {
            await e.Socket.ErrorAsync("screenshot_result needs requestId, imageBase64 (PNG or JPEG, base64) and mimeType");
            return;
        }
        var deviceId = e.Socket.DeviceId();
        services.GetRequiredService<AuditLog>().Record(deviceId, "screenshot_completed", deviceId, new { requestId, approved = !denied });
        await services.GetRequiredService<AppDbContext>().SaveChangesAsync();
        // Images go to the device's watchers only: they are large, and only someone looking at the device wants them.
        await services.GetRequiredService<RealtimeHub>().ToWatchersAsync(deviceId, "device_screenshot_update", new
        {
            deviceId,
            requestId,
            approved = !denied,
            mimeType = denied ? null : mimeType,
            image = denied ? null : image,
        });
    }

    private static async Task SystemToolResultAsync(SocketIOEvent e, IServiceProvider services)
    {
        var payload = Payload.Of(e);
        var requestId = payload.String("requestId", 64);
        var deviceId = e.Socket.DeviceId();
        if (requestId is null || !services.GetRequiredService<PendingToolRequests>().TryTake(deviceId, requestId, out var askedBy))
        {
            await e.Socket.ErrorAsync("system_tool_result for an unknown request");
            return;
        }
        var tool = payload.String("tool", 64);
        var success = payload.Bool("success") ?? false;
        services.GetRequiredService<AuditLog>().Record(deviceId, "system_tool_completed", deviceId, new { requestId, tool, success });
        await services.GetRequiredService<AppDbContext>().SaveChangesAsync();
        await services.GetRequiredService<RealtimeHub>().ToWatchersAsync(deviceId, "system_tool_result", new
        {
            deviceId,
            requestId,
            tool,
            success,
            data = payload.Get("data").ValueKind == JsonValueKind.Undefined ? (object?)null : payload.Get("data"),
            error = payload.String("error", 2000),
        }, askedBy);
    }

    private static async Task HeartbeatAsync(SocketIOEvent e, IServiceProvider services)
    {
        var deviceId = e.Socket.DeviceId();
        var db = services.GetRequiredService<AppDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        // Only a device the sweep had marked offline changes status; for the rest this is one cheap update.
        var revived = await db.Devices.Where(d => d.DeviceId == deviceId && d.Status != "online")
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, "online").SetProperty(d => d.LastSeen, now));
        if (revived == 0)
        {
            await db.Devices.Where(d => d.DeviceId == deviceId).ExecuteUpdateAsync(s => s.SetProperty(d => d.LastSeen, now));
            return;
        }
        var device = await db.Devices.AsNoTracking().Where(d => d.DeviceId == deviceId).Select(d => new { d.ClientId, d.Hostname }).FirstAsync();
        await services.GetRequiredService<RealtimeHub>().ToStaffAsync(device.ClientId, "device_status_changed",
            new { deviceId, status = "online", hostname = device.Hostname });
    }

    internal static async Task<int?> ClientOfAsync(IServiceProvider services, string deviceId) =>
        await services.GetRequiredService<AppDbContext>().Devices.AsNoTracking()
            .Where(d => d.DeviceId == deviceId).Select(d => (int?)d.ClientId).FirstOrDefaultAsync();

    private static bool IsBase64(string value)
    {
        var bytes = new byte[value.Length * 3 / 4 + 3];
        return Convert.TryFromBase64String(value, bytes, out _);
    }
}
