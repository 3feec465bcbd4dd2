using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Assistant;
using PocketIT.Server.Core.Data;
using PocketIT.Server.Core.Identity;
using PocketIT.Server.PocketIt.Chat;
using PocketIT.Server.PocketIt.Devices;
using PocketIT.Server.PocketIt.Settings;
using PocketIT.SocketIO;

namespace PocketIT.Server.PocketIt.Realtime;

/// <summary>
/// A device joining <c>/agent</c> (notes §5): the handshake names the device (query <c>deviceId</c>) and proves
/// it with the enrollment secret (<c>auth.deviceSecret</c>, query as fallback). Anything else gets a
/// CONNECT_ERROR with one message, so an attacker cannot tell unknown devices from wrong secrets.
/// </summary>
public static class AgentConnection
{
    public const string DeviceIdKey = "deviceId";
    public const string Refusal = "Authentication failed";
    private const int MaxSecret = 256;

    public static void Configure(SocketIONamespace ns)
    {
        ns.Use(AuthenticateAsync);
        ns.OnConnection(OnConnectedAsync);
        ns.OnDisconnect(OnDisconnectedAsync);
        AgentEvents.Map(ns);
    }

    public static string DeviceId(this SocketIOSocket socket) => (string)socket.Data[DeviceIdKey]!;

    private static async Task AuthenticateAsync(SocketIOConnectContext context)
    {
        string? deviceId = context.Handshake.Query["deviceId"];
        var secret = context.Handshake.Auth.ValueKind == JsonValueKind.Object
            && context.Handshake.Auth.TryGetProperty("deviceSecret", out var s) && s.ValueKind == JsonValueKind.String
                ? s.GetString()
                : context.Handshake.Query["deviceSecret"].ToString();
        if (string.IsNullOrEmpty(deviceId) || deviceId.Length > DeviceAccess.MaxDeviceIdLength
            || string.IsNullOrEmpty(secret) || secret.Length > MaxSecret)
        {
            context.Reject(Refusal);
            return;
        }
        await using var scope = context.Services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var hash = await db.Devices.AsNoTracking().Where(d => d.DeviceId == deviceId).Select(d => d.SecretHash).FirstOrDefaultAsync();
        if (!SecretHasher.Verify(secret, hash))
        {
            context.Reject(Refusal);
            return;
        }
        context.Socket.Data[DeviceIdKey] = deviceId;
    }

    private static async Task OnConnectedAsync(SocketIOSocket socket)
    {
        var deviceId = socket.DeviceId();
        var services = socket.Services;
        var presence = services.GetRequiredService<DevicePresence>();
        var hub = services.GetRequiredService<RealtimeHub>();
        // A reconnect replaces the old socket; its late disconnect must not mark the device offline.
        if (presence.Register(deviceId, socket.Id) is { } previous) hub.AgentSocket(previous)?.Disconnect();
        socket.Join(RealtimeRooms.Agent(deviceId));

        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var device = await db.Devices.FirstOrDefaultAsync(d => d.DeviceId == deviceId);
        if (device is null)
        {
            socket.Disconnect();
            return;
        }
        var query = socket.Handshake.Query;
        device.Status = "online";
        device.LastSeen = time.GetUtcNow().UtcDateTime;
        if (Short(query["hostname"]) is { } hostname) device.Hostname = hostname;
        if (Short(query["clientVersion"]) is { } version) device.ClientVersion = version;
        if (Short(query["exeHash"]) is { } exeHash) device.ExeHash = exeHash;
        if (Short(query["username"]) is { } username) device.CurrentUser = username;
        await db.SaveChangesAsync();

        await hub.ToStaffAsync(device.ClientId, "device_status_changed", new { deviceId, status = "online", hostname = device.Hostname });
        await socket.EmitAsync("agent_info", new { agentName = AgentNames.For(deviceId) });
        var pauses = services.GetRequiredService<AssistantPauses>();
        var reason = AssistantAvailability.DisabledReason(services.GetRequiredService<StoredSettings>().AiEnabled, device.AiDisabled, pauses.IsPaused(deviceId));
        await socket.EmitAsync("ai_status", new { enabled = reason is null, reason });

        var history = await scope.ServiceProvider.GetRequiredService<ChatStore>()
            .RecentAsync(deviceId, ChatLimits.HistoryOnConnect, LastSeenChat(query["lastSeenChat"]));
        if (history.Count > 0)
            await socket.EmitAsync("chat_history", new { messages = history.Select(m => new { sender = m.Sender, content = m.Content, created_at = m.CreatedAt }) });
    }

    private static async Task OnDisconnectedAsync(SocketIOSocket socket, string reason)
    {
        if (!socket.Data.TryGetValue(DeviceIdKey, out var value) || value is not string deviceId) return;
        var services = socket.Services;
        if (!services.GetRequiredService<DevicePresence>().Unregister(deviceId, socket.Id)) return;
        services.GetRequiredService<AwaitingDiagnostics>().Clear(deviceId);
        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await db.Devices.Where(d => d.DeviceId == deviceId)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, "offline").SetProperty(d => d.LastSeen, now));
        var device = await db.Devices.AsNoTracking().Where(d => d.DeviceId == deviceId).Select(d => new { d.ClientId, d.Hostname }).FirstOrDefaultAsync();
        if (device is not null)
            await services.GetRequiredService<RealtimeHub>().ToStaffAsync(device.ClientId, "device_status_changed",
                new { deviceId, status = "offline", hostname = device.Hostname });
    }

    private static string? Short(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        value = value.Replace("\0", "").Trim();
        return value.Length <= 255 ? value : value[..255];
    }

    /// <summary>The client sends <c>yyyy-MM-dd HH:mm:ss</c> UTC; anything else means "no filter".</summary>
    private static DateTime? LastSeenChat(string? value) =>
        DateTime.TryParseExact(value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at) ? at : null;
}
