using System.Text.Json;
using PocketIT.SocketIO;

namespace PocketIT.SocketIO.ConformanceHost;

/// <summary>
/// Extra behaviour for client interop tests (only with --interop): auth middleware, rooms,
/// broadcasts, server-to-client acks and server-side disconnects.
/// </summary>
internal static class InteropNamespace
{
    public static void Configure(SocketIONamespace ns)
    {
        ns.Use(context =>
        {
            var auth = context.Handshake.Auth;
            if (auth.ValueKind == JsonValueKind.Object && auth.TryGetProperty("token", out var token) && token.GetString() == "bad")
                context.Reject("unauthorized", new { reason = "bad token" });
            else
                context.Socket.Data["name"] = auth.TryGetProperty("name", out var name) ? name.GetString() : "anonymous";
            return Task.CompletedTask;
        });

        ns.On<string, bool>("join", (socket, room) => { socket.Join(room!); return Task.FromResult(true); });
        ns.On<string, bool>("leave", (socket, room) => { socket.Leave(room!); return Task.FromResult(true); });

        // Everyone in the room but the sender.
        ns.On("to-room", async e =>
        {
            await e.Socket.To(e.Get<string>(0)!).EmitAsync("room-message", e.Socket.Data["name"], e[1]);
            await e.AckAsync(true);
        });

        // Everyone in the namespace, sender included.
        ns.On("broadcast", async e =>
        {
            await e.Socket.Namespace.EmitAsync("broadcast-message", e.ToArray());
            await e.AckAsync(true);
        });

        // The server asks the client (with an ack of its own) and returns the client's answer.
        ns.On("ask-me", async e =>
        {
            var answer = await e.Socket.EmitWithAckAsync("question", e.ToArray(), TimeSpan.FromSeconds(5));
            await e.AckAsync(answer.ToArray());
        });

        ns.On("whoami", e => e.AckAsync(new
        {
            id = e.Socket.Id,
            name = e.Socket.Data["name"],
            rooms = e.Socket.Rooms,
            query = e.Socket.Handshake.Query["who"].ToString(),
            transport = e.Socket.Transport,
        }).AsTask());

        ns.On("count-in-room", e => e.AckAsync(e.Socket.Namespace.GetSocketsInRoom(e.Get<string>(0)!).Count).AsTask());

        ns.On("disconnect-me", e => { e.Socket.Disconnect(); return Task.CompletedTask; });
    }
}
