namespace PocketIT.SocketIO.Tests.Support;

/// <summary>Shortcuts for speaking Socket.IO over a raw Engine.IO WebSocket.</summary>
public static class SocketIOWire
{
    /// <summary>Opens a WebSocket session and joins the main namespace, consuming the CONNECT reply and the "auth" event.</summary>
    public static async Task<RawWebSocket> ConnectMainAsync(TestHost host)
    {
        var (socket, _) = await RawWebSocket.OpenAsync(host, "/socket.io");
        await socket.SendTextAsync("40");
        Assert.StartsWith("40{\"sid\":", await socket.ReceiveTextAsync());
        Assert.Equal("42[\"auth\",{}]", await socket.ReceiveTextAsync());
        return socket;
    }
}
