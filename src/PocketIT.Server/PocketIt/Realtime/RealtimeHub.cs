using PocketIT.SocketIO;

namespace PocketIT.Server.PocketIt.Realtime;

/// <summary>Where the rest of the server sends real-time events: to a device, to the staff in its client's scope, to its watchers.</summary>
public sealed class RealtimeHub
{
    private SocketIOServer? _server;

    internal void Attach(SocketIOServer server) => _server = server;

    private SocketIONamespace? Agents => _server?.Of(RealtimeRooms.AgentNamespace);
    private SocketIONamespace? Staff => _server?.Of(RealtimeRooms.ItNamespace);

    public Task ToDeviceAsync(string deviceId, string eventName, object payload) =>
        Agents?.To(RealtimeRooms.Agent(deviceId)).EmitAsync(eventName, payload) ?? Task.CompletedTask;

    /// <summary>Every connected device but <paramref name="exceptDeviceIds"/>, e.g. when the assistant is switched server-wide.</summary>
    public Task ToAllDevicesAsync(string eventName, object payload, IEnumerable<string>? exceptDeviceIds = null)
    {
        if (Agents is not { } agents) return Task.CompletedTask;
        var skipped = exceptDeviceIds?.ToList() ?? [];
        if (skipped.Count == 0) return agents.EmitAsync(eventName, payload);
        var target = agents.Except(RealtimeRooms.Agent(skipped[0]));
        foreach (var id in skipped.Skip(1)) target = target.Except(RealtimeRooms.Agent(id));
        return target.EmitAsync(eventName, payload);
    }

    /// <summary>Staff whose scope includes <paramref name="clientId"/>: admins and that client's assignees.</summary>
    public Task ToStaffAsync(int? clientId, string eventName, object payload)
    {
        if (Staff is not { } staff) return Task.CompletedTask;
        var target = staff.To(RealtimeRooms.AllClients);
        if (clientId is int id) target = target.To(RealtimeRooms.Client(id));
        return target.EmitAsync(eventName, payload);
    }

    /// <summary>Sockets watching the device; they passed the scope check when they started watching.</summary>
    public Task ToWatchersAsync(string deviceId, string eventName, object payload, string? alsoSocketId = null)
    {
        if (Staff is not { } staff) return Task.CompletedTask;
        var target = staff.To(RealtimeRooms.Watchers(deviceId));
        if (alsoSocketId is not null) target = target.To(alsoSocketId);
        return target.EmitAsync(eventName, payload);
    }

    public bool IsDeviceConnected(string deviceId) =>
        Agents?.GetSocketsInRoom(RealtimeRooms.Agent(deviceId)).Count > 0;

    public SocketIOSocket? AgentSocket(string socketId) => Agents?.GetSocket(socketId);
}
