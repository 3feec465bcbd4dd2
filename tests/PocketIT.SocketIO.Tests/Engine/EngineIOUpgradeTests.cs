using System.Net;
using PocketIT.SocketIO.Tests.Support;

namespace PocketIT.SocketIO.Tests.Engine;

public sealed class EngineIOUpgradeTests : IAsyncLifetime
{
    private TestHost _host = null!;
    public async Task InitializeAsync() => _host = await TestHost.StartConformanceAsync();
    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<RawWebSocket> ProbeSocketAsync(PollingClient client) =>
        RawWebSocket.ConnectAsync(_host.WebSocketUri($"/engine.io/?EIO=4&transport=websocket&sid={client.Sid}"));

    [Fact]
    public async Task Upgrade_answers_probe_ends_pending_poll_with_noop_and_moves_session_to_websocket()
    {
        var client = await PollingClient.OpenAsync(_host, "/engine.io");
        var pendingPoll = client.GetAsync();
        await using var socket = await ProbeSocketAsync(client);
        await socket.SendTextAsync("2probe");
        Assert.Equal("3probe", await socket.ReceiveTextAsync());
        var (status, body) = await pendingPoll;
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("6", body);

        await socket.SendTextAsync("5");
        await socket.SendTextAsync("4hello");
        // The next message is the echo: no noop is ever sent on the WebSocket.
        Assert.Equal("4hello", await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task Polls_during_the_upgrade_get_periodic_noops_until_the_upgrade_packet()
    {
        var client = await PollingClient.OpenAsync(_host, "/engine.io");
        await using var socket = await ProbeSocketAsync(client);
        await socket.SendTextAsync("2probe");
        Assert.Equal("3probe", await socket.ReceiveTextAsync());
        for (var i = 0; i < 2; i++)
        {
            var poll = client.GetAsync();
            await Task.Delay(50);
            Assert.False(poll.IsCompleted); // held, not answered in a tight loop
            _host.Advance(TimeSpan.FromMilliseconds(110));
            var (status, body) = await poll;
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("6", body);
        }
        await socket.SendTextAsync("5");
        await socket.SendTextAsync("4x");
        Assert.Equal("4x", await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task Packets_queued_during_the_upgrade_are_delivered_on_the_websocket()
    {
        var client = await PollingClient.OpenAsync(_host, "/engine.io");
        await using var socket = await ProbeSocketAsync(client);
        await socket.SendTextAsync("2probe");
        Assert.Equal("3probe", await socket.ReceiveTextAsync());
        await client.PostOkAsync("4queued"); // echoed while the upgrade is pending
        await socket.SendTextAsync("5");
        Assert.Equal("4queued", await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task Polling_requests_with_the_sid_are_refused_after_the_upgrade()
    {
        var client = await PollingClient.OpenAsync(_host, "/engine.io");
        await using var socket = await ProbeSocketAsync(client);
        await socket.SendTextAsync("2probe");
        Assert.Equal("3probe", await socket.ReceiveTextAsync());
        await socket.SendTextAsync("5");
        await socket.SendTextAsync("4sync");
        Assert.Equal("4sync", await socket.ReceiveTextAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync()).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("4x")).Status);
    }

    [Fact]
    public async Task A_second_websocket_with_the_sid_is_refused_after_the_upgrade()
    {
        var client = await PollingClient.OpenAsync(_host, "/engine.io");
        await using var socket = await ProbeSocketAsync(client);
        await socket.SendTextAsync("2probe");
        Assert.Equal("3probe", await socket.ReceiveTextAsync());
        await socket.SendTextAsync("5");
        await socket.SendTextAsync("4sync");
        Assert.Equal("4sync", await socket.ReceiveTextAsync());
        await Assert.ThrowsAnyAsync<Exception>(() => ProbeSocketAsync(client));
        await socket.SendTextAsync("4still");
        Assert.Equal("4still", await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task Upgrade_that_never_completes_is_dropped_after_the_upgrade_timeout_and_polling_goes_on()
    {
        var client = await PollingClient.OpenAsync(_host, "/engine.io");
        await using var socket = await ProbeSocketAsync(client);
        await socket.SendTextAsync("2probe");
        Assert.Equal("3probe", await socket.ReceiveTextAsync());
        _host.Advance(TimeSpan.FromSeconds(10.1));
        await socket.AssertClosedAsync();
    }
}
