using PocketIT.SocketIO;
using PocketIT.SocketIO.Engine;

namespace PocketIT.SocketIO.ConformanceHost;

public static class ConformanceEndpoints
{
    /// <param name="interop">Also serve /interop, and give clients 5 s (not 200 ms) to answer a ping:
    /// real clients on a busy CI machine must not be dropped for being slow.</param>
    public static SocketIOServer MapConformanceEndpoints(this IEndpointRouteBuilder app, TimeProvider? time = null, bool interop = false)
    {
        app.MapEngineIO("/engine.io", _ => new EchoHandler(), o => Configure(o, time, interop));

        return app.MapSocketIO("/socket.io", o =>
        {
            Configure(o, time, interop);
            o.ConnectTimeout = TimeSpan.FromMilliseconds(1000);
            o.Namespace("/", EmitAuthAndEcho);
            o.Namespace("/custom", ns => ns.OnConnection(socket => socket.EmitAsync("auth", socket.Handshake.Auth).AsTask()));
            if (interop) o.Namespace("/interop", InteropNamespace.Configure);
        }).Server;
    }

    private static void Configure(EngineIOOptions o, TimeProvider? time, bool lenientPingTimeout)
    {
        o.PingInterval = TimeSpan.FromMilliseconds(300);
        o.PingTimeout = TimeSpan.FromMilliseconds(lenientPingTimeout ? 5000 : 200);
        o.MaxHttpBufferSize = 1_000_000;
        o.CorsOrigins = ["*"];
        if (time is not null) o.TimeProvider = time;
    }

    private static void EmitAuthAndEcho(SocketIONamespace ns)
    {
        ns.OnConnection(socket => socket.EmitAsync("auth", socket.Handshake.Auth).AsTask());
        ns.On("message", e => e.Socket.EmitAsync("message-back", e.ToArray()).AsTask());
        ns.On("message-with-ack", e => e.AckAsync(e.ToArray()).AsTask());
    }

    /// <summary>Sends every message straight back, text as text and binary as binary.</summary>
    private sealed class EchoHandler : IEngineIOHandler
    {
        public void OnOpen(EngineIOSession session) { }
        public void OnMessage(EngineIOSession session, ReadOnlySpan<byte> utf8Text) => session.Send(EngineFrame.Message(utf8Text));
        public void OnBinaryMessage(EngineIOSession session, ReadOnlySpan<byte> data) => session.Send(EngineFrame.Binary(data));
        public void OnClose(EngineIOSession session, string reason) { }
    }
}
