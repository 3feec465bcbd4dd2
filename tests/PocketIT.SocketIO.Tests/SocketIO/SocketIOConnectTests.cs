using System.Text.Json;
using PocketIT.SocketIO.Tests.Support;

namespace PocketIT.SocketIO.Tests.SocketIO;

public sealed class SocketIOConnectTests : IAsyncLifetime
{
    private TestHost _host = null!;
    public async Task InitializeAsync() => _host = await TestHost.StartConformanceAsync();
    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Connect_to_main_namespace_answers_sid_only_then_emits_empty_auth()
    {
        var (socket, _) = await RawWebSocket.OpenAsync(_host, "/socket.io");
        await using var _1 = socket;
        await socket.SendTextAsync("40");
        var reply = await socket.ReceiveTextAsync();
        Assert.StartsWith("40", reply);
        var handshake = JsonDocument.Parse(reply[2..]).RootElement;
        Assert.Equal(["sid"], handshake.EnumerateObject().Select(p => p.Name)); // no "pid"
        Assert.Equal("42[\"auth\",{}]", await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task Connect_with_auth_payload_hands_it_to_the_namespace()
    {
        var (socket, _) = await RawWebSocket.OpenAsync(_host, "/socket.io");
        await using var _1 = socket;
        await socket.SendTextAsync("40{\"token\":\"123\"}");
        Assert.StartsWith("40{\"sid\":", await socket.ReceiveTextAsync());
        Assert.Equal("42[\"auth\",{\"token\":\"123\"}]", await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task Connect_to_custom_namespace_with_auth()
    {
        var (socket, _) = await RawWebSocket.OpenAsync(_host, "/socket.io");
        await using var _1 = socket;
        await socket.SendTextAsync("40/custom,{\"token\":\"abc\"}");
        var reply = await socket.ReceiveTextAsync();
        Assert.StartsWith("40/custom,", reply);
        Assert.Equal(["sid"], JsonDocument.Parse(reply[10..]).RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("42/custom,[\"auth\",{\"token\":\"abc\"}]", await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task Connect_to_unknown_namespace_answers_connect_error_invalid_namespace()
    {
        var (socket, _) = await RawWebSocket.OpenAsync(_host, "/socket.io");
        await using var _1 = socket;
        await socket.SendTextAsync("40/random");
        Assert.Equal("44/random,{\"message\":\"Invalid namespace\"}", await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task Invalid_handshake_packet_closes_the_connection()
    {
        var (socket, _) = await RawWebSocket.OpenAsync(_host, "/socket.io");
        await using var _1 = socket;
        await socket.SendTextAsync("4abc");
        await socket.AssertClosedAsync();
    }

    [Fact]
    public async Task Connection_that_joins_no_namespace_is_closed_after_the_connect_timeout()
    {
        await using var host = await TestHost.StartSocketIOAsync(o =>
        {
            o.ConnectTimeout = TimeSpan.FromSeconds(1);
            o.PingInterval = TimeSpan.FromSeconds(10); // no heartbeat gets in the way
        });
        var (socket, _) = await RawWebSocket.OpenAsync(host, "/socket.io");
        await using var _1 = socket;
        host.Advance(TimeSpan.FromMilliseconds(900));
        await socket.SendTextAsync("2");
        Assert.Equal("3", await socket.ReceiveTextAsync()); // still open just before the timeout
        host.Advance(TimeSpan.FromMilliseconds(200));
        await socket.AssertClosedAsync();
    }

    [Fact]
    public async Task Disconnect_from_custom_namespace_leaves_main_namespace_working()
    {
        await using var socket = await SocketIOWire.ConnectMainAsync(_host);
        await socket.SendTextAsync("40/custom,");
        Assert.StartsWith("40/custom,", await socket.ReceiveTextAsync());
        Assert.Equal("42/custom,[\"auth\",{}]", await socket.ReceiveTextAsync());
        await socket.SendTextAsync("41/custom,");
        await socket.SendTextAsync("42[\"message\",\"message to main namespace\"]");
        Assert.Equal("42[\"message-back\",\"message to main namespace\"]", await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task Connect_over_polling_joins_namespace_and_receives_auth()
    {
        var client = await PollingClient.OpenAsync(_host, "/socket.io");
        await client.PostOkAsync("40{\"k\":1}");
        var body = await client.GetOkAsync();
        var packets = body.Split('\u001e');
        if (packets.Length == 1) packets = [packets[0], await client.GetOkAsync()];
        Assert.StartsWith("40{\"sid\":", packets[0]);
        Assert.Equal("42[\"auth\",{\"k\":1}]", packets[1]);
    }
}
