using System.Net;
using PocketIT.SocketIO.Tests.Support;

namespace PocketIT.SocketIO.Tests.Engine;

/// <summary>Heartbeats run on the server's fake clock: nothing here waits for real time to pass.</summary>
public sealed class EngineIOHeartbeatTests : IAsyncLifetime
{
    private static readonly TimeSpan PingInterval = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan PingTimeout = TimeSpan.FromMilliseconds(200);
    private TestHost _host = null!;
    public async Task InitializeAsync() => _host = await TestHost.StartConformanceAsync();
    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Server_pings_after_the_ping_interval_and_a_pong_keeps_the_websocket_open()
    {
        var (socket, _) = await RawWebSocket.OpenAsync(_host, "/engine.io");
        await using var _1 = socket;
        for (var i = 0; i < 3; i++)
        {
            _host.Advance(PingInterval);
            Assert.Equal("2", await socket.ReceiveTextAsync());
            await socket.SendTextAsync("3");
            await socket.SendTextAsync("4alive"); // round trip: the pong was processed before the echo
            Assert.Equal("4alive", await socket.ReceiveTextAsync());
        }
    }

    [Fact]
    public async Task WebSocket_without_pong_is_closed_after_the_ping_timeout()
    {
        var (socket, _) = await RawWebSocket.OpenAsync(_host, "/engine.io");
        await using var _1 = socket;
        _host.Advance(PingInterval);
        Assert.Equal("2", await socket.ReceiveTextAsync());
        _host.Advance(PingTimeout);
        await socket.AssertClosedAsync();
    }

    [Fact]
    public async Task Polling_receives_the_ping_and_keeps_its_session_with_a_pong()
    {
        var client = await PollingClient.OpenAsync(_host, "/engine.io");
        _host.Advance(PingInterval);
        Assert.Equal("2", await client.GetOkAsync());
        await client.PostOkAsync("3");
        _host.Advance(PingTimeout + TimeSpan.FromMilliseconds(50));
        await client.PostOkAsync("4still");
        Assert.Equal("4still", await client.GetOkAsync());
    }

    [Fact]
    public async Task Polling_session_without_pong_is_closed_after_the_ping_timeout()
    {
        var client = await PollingClient.OpenAsync(_host, "/engine.io");
        _host.Advance(PingInterval + PingTimeout);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("3")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync()).Status);
    }
}
