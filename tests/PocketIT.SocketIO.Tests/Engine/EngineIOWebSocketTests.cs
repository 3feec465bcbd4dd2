using System.Net.WebSockets;
using System.Text;
using PocketIT.SocketIO.Tests.Support;

namespace PocketIT.SocketIO.Tests.Engine;

public sealed class EngineIOWebSocketTests : IAsyncLifetime
{
    private TestHost _host = null!;
    public async Task InitializeAsync() => _host = await TestHost.StartConformanceAsync();
    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task WebSocket_echoes_text_and_binary_messages_one_packet_per_message()
    {
        var (socket, _) = await RawWebSocket.OpenAsync(_host, "/engine.io");
        await using var _1 = socket;
        await socket.SendTextAsync("4hello");
        Assert.Equal("4hello", await socket.ReceiveTextAsync());
        await socket.SendBinaryAsync([1, 2, 3, 4]);
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, await socket.ReceiveBinaryAsync());
    }

    [Fact]
    public async Task WebSocket_echoes_a_message_larger_than_one_write_batch_in_order()
    {
        var (socket, _) = await RawWebSocket.OpenAsync(_host, "/engine.io");
        await using var _1 = socket;
        var big = "4" + new string('b', 300_000);
        await socket.SendTextAsync(big);
        await socket.SendTextAsync("4after");
        Assert.Equal(big, await socket.ReceiveTextAsync());
        Assert.Equal("4after", await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task WebSocket_reassembles_fragmented_messages()
    {
        var (socket, _) = await RawWebSocket.OpenAsync(_host, "/engine.io");
        await using var _1 = socket;
        var text = "4" + new string('a', 10_000);
        var bytes = Encoding.UTF8.GetBytes(text);
        for (var i = 0; i < bytes.Length; i += 3000)
        {
            var end = Math.Min(bytes.Length, i + 3000);
            await socket.Inner.SendAsync(bytes.AsMemory(i, end - i), WebSocketMessageType.Text, end == bytes.Length, CancellationToken.None);
        }
        Assert.Equal(text, await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task WebSocket_invalid_packet_closes_the_connection()
    {
        var (socket, _) = await RawWebSocket.OpenAsync(_host, "/engine.io");
        await using var _1 = socket;
        await socket.SendTextAsync("abc");
        await socket.AssertClosedAsync();
    }

    [Fact]
    public async Task WebSocket_close_packet_closes_the_connection()
    {
        var (socket, _) = await RawWebSocket.OpenAsync(_host, "/engine.io");
        await using var _1 = socket;
        await socket.SendTextAsync("1");
        await socket.AssertClosedAsync();
    }

    [Fact]
    public async Task WebSocket_message_over_max_payload_closes_the_connection()
    {
        var (socket, _) = await RawWebSocket.OpenAsync(_host, "/engine.io");
        await using var _1 = socket;
        await socket.SendTextAsync("4" + new string('x', 1_000_001));
        await socket.AssertClosedAsync();
    }

    [Fact]
    public async Task WebSocket_client_ping_is_answered_with_pong()
    {
        var (socket, _) = await RawWebSocket.OpenAsync(_host, "/engine.io");
        await using var _1 = socket;
        for (var i = 0; i < 3; i++)
        {
            await socket.SendTextAsync("2");
            Assert.Equal("3", await socket.ReceiveTextAsync());
        }
    }

    [Fact]
    public async Task WebSocket_from_a_foreign_origin_is_refused_when_no_CORS_origin_is_configured()
    {
        await using var host = await TestHost.StartSocketIOAsync(_ => { });
        var uri = host.WebSocketUri("/socket.io/?EIO=4&transport=websocket");
        await Assert.ThrowsAnyAsync<WebSocketException>(() => RawWebSocket.ConnectAsync(uri, origin: "http://evil.test"));
        await using var sameOrigin = await RawWebSocket.ConnectAsync(uri, origin: $"http://{host.BaseUri.Authority}");
        Assert.StartsWith("0", await sameOrigin.ReceiveTextAsync());
    }

    [Fact]
    public async Task WebSocket_from_an_allowed_origin_is_accepted()
    {
        await using var host = await TestHost.StartSocketIOAsync(o => o.CorsOrigins = ["http://app.test"]);
        var uri = host.WebSocketUri("/socket.io/?EIO=4&transport=websocket");
        await using var socket = await RawWebSocket.ConnectAsync(uri, origin: "http://app.test");
        Assert.StartsWith("0", await socket.ReceiveTextAsync());
        await Assert.ThrowsAnyAsync<WebSocketException>(() => RawWebSocket.ConnectAsync(uri, origin: "http://other.test"));
    }
}
