using System.Net.WebSockets;
using System.Text;

namespace PocketIT.SocketIO.Tests.Support;

/// <summary>A bare WebSocket that speaks Engine.IO by hand, one message at a time.</summary>
public sealed class RawWebSocket : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);
    private readonly ClientWebSocket _socket = new();

    public WebSocketState State => _socket.State;
    public ClientWebSocket Inner => _socket;

    public static async Task<RawWebSocket> ConnectAsync(Uri uri, string? origin = null)
    {
        var raw = new RawWebSocket();
        if (origin is not null) raw._socket.Options.SetRequestHeader("Origin", origin);
        using var cts = new CancellationTokenSource(Patience);
        await raw._socket.ConnectAsync(uri, cts.Token);
        return raw;
    }

    /// <summary>Opens an Engine.IO session over WebSocket and returns its open packet.</summary>
    public static async Task<(RawWebSocket Socket, string Open)> OpenAsync(TestHost host, string path)
    {
        var socket = await ConnectAsync(host.WebSocketUri($"{path}/?EIO=4&transport=websocket"));
        var open = await socket.ReceiveTextAsync();
        return (socket, open);
    }

    public Task SendTextAsync(string text) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    public Task SendBinaryAsync(byte[] data) =>
        _socket.SendAsync(data, WebSocketMessageType.Binary, true, CancellationToken.None);

    public async Task<Message> ReceiveAsync()
    {
        using var cts = new CancellationTokenSource(Patience);
        var buffer = new byte[64 * 1024];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
            var result = await _socket.ReceiveAsync(buffer.AsMemory(length), cts.Token);
            if (result.MessageType == WebSocketMessageType.Close) return new Message(null, null, true);
            length += result.Count;
            if (!result.EndOfMessage) continue;
            return result.MessageType == WebSocketMessageType.Text
                ? new Message(Encoding.UTF8.GetString(buffer, 0, length), null, false)
                : new Message(null, buffer[..length], false);
        }
    }

    public async Task<string> ReceiveTextAsync()
    {
        var message = await ReceiveAsync();
        Assert.False(message.Closed, "the connection closed while a text message was expected");
        Assert.NotNull(message.Text);
        return message.Text!;
    }

    public async Task<byte[]> ReceiveBinaryAsync()
    {
        var message = await ReceiveAsync();
        Assert.NotNull(message.Binary);
        return message.Binary!;
    }

    /// <summary>Reads until the server closes; fails if something else arrives first.</summary>
    public async Task AssertClosedAsync()
    {
        try
        {
            while (true)
            {
                var message = await ReceiveAsync();
                if (message.Closed) return;
                Assert.Fail($"expected the connection to close, got {message}");
            }
        }
        catch (WebSocketException)
        {
            // an aborted connection is closed too
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, cts.Token);
            }
        }
        catch { }
        _socket.Dispose();
    }

    public readonly record struct Message(string? Text, byte[]? Binary, bool Closed);
}
