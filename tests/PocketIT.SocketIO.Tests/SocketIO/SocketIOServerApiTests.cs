using System.Collections.Concurrent;
using System.Net;
using PocketIT.SocketIO.Tests.Support;

namespace PocketIT.SocketIO.Tests.SocketIO;

/// <summary>The server API as Pocket IT uses it, observed through raw clients.</summary>
public sealed class SocketIOServerApiTests
{
    private static async Task<(RawWebSocket Socket, string Id)> JoinAsync(TestHost host, string nsp = "/", string auth = "", string query = "")
    {
        var socket = await RawWebSocket.ConnectAsync(host.WebSocketUri($"/socket.io/?EIO=4&transport=websocket{query}"));
        Assert.StartsWith("0", await socket.ReceiveTextAsync());
        var prefix = nsp == "/" ? "" : nsp + ",";
        await socket.SendTextAsync($"40{prefix}{auth}");
        var reply = await socket.ReceiveTextAsync();
        Assert.StartsWith($"40{prefix}{{\"sid\":\"", reply);
        var id = reply[(prefix.Length + 10)..^2];
        return (socket, id);
    }

    [Fact]
    public async Task Middleware_rejection_sends_connect_error_with_message_and_data()
    {
        await using var host = await TestHost.StartSocketIOAsync(o => o.Namespace("/agent", ns => ns.Use(ctx =>
        {
            if (ctx.Handshake.Auth.TryGetProperty("secret", out var s) && s.GetString() == "ok") return Task.CompletedTask;
            throw new SocketIOConnectException("unauthorized", new { code = 401 });
        })));
        var socket = await RawWebSocket.ConnectAsync(host.WebSocketUri("/socket.io/?EIO=4&transport=websocket"));
        await using var _ = socket;
        await socket.ReceiveTextAsync();
        await socket.SendTextAsync("40/agent,{\"secret\":\"wrong\"}");
        Assert.Equal("44/agent,{\"message\":\"unauthorized\",\"data\":{\"code\":401}}", await socket.ReceiveTextAsync());
        await socket.SendTextAsync("40/agent,{\"secret\":\"ok\"}");
        Assert.StartsWith("40/agent,{\"sid\":", await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task Middleware_and_socket_see_the_handshake_query_headers_address_and_auth()
    {
        SocketIOHandshake? seen = null;
        await using var host = await TestHost.StartSocketIOAsync(o => o.Namespace("/", ns =>
        {
            ns.Use(ctx => { ctx.Socket.Data["device"] = ctx.Handshake.Auth.GetProperty("device").GetString(); return Task.CompletedTask; });
            ns.OnConnection(s => seen = s.Handshake);
            ns.On("who", e => e.AckAsync(e.Socket.Data["device"]).AsTask());
        }));
        var (socket, _) = await JoinAsync(host, auth: "{\"device\":\"pc-1\"}", query: "&clientVersion=2");
        await using var _1 = socket;
        await socket.SendTextAsync("421[\"who\"]");
        Assert.Equal("431[\"pc-1\"]", await socket.ReceiveTextAsync());
        Assert.NotNull(seen);
        Assert.Equal("2", seen!.Query["clientVersion"]);
        Assert.Equal("pc-1", seen.Auth.GetProperty("device").GetString());
        Assert.True(IPAddress.IsLoopback(seen.RemoteIpAddress!));
        Assert.Equal(host.BaseUri.Authority, seen.Headers.Host.ToString());
    }

    [Fact]
    public async Task Typed_handler_deserializes_the_argument_and_acknowledges_with_its_result()
    {
        await using var host = await TestHost.StartSocketIOAsync(o => o.Namespace("/", ns =>
            ns.On<ChatMessage, ChatReceipt>("chat", (socket, message) => Task.FromResult(new ChatReceipt(message!.Text.Length, socket.Id)))));
        var (socket, id) = await JoinAsync(host);
        await using var _ = socket;
        await socket.SendTextAsync("427[\"chat\",{\"text\":\"hello\"}]");
        Assert.Equal($"437[{{\"length\":5,\"socketId\":\"{id}\"}}]", await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task Rooms_route_emits_to_members_except_excluded_and_to_a_single_socket_by_id()
    {
        await using var host = await TestHost.StartSocketIOAsync(o => o.Namespace("/", ns =>
            ns.On("join", e => { e.Socket.Join(e.Get<string>(0)!); return e.AckAsync().AsTask(); })));
        var (a, idA) = await JoinAsync(host);
        var (b, idB) = await JoinAsync(host);
        var (c, idC) = await JoinAsync(host);
        await using var _a = a; await using var _b = b; await using var _c = c;
        foreach (var (s, room) in new[] { (a, "ops"), (b, "ops"), (b, "vip") })
        {
            await s.SendTextAsync($"421[\"join\",\"{room}\"]");
            Assert.Equal("431[]", await s.ReceiveTextAsync());
        }
        var ns = host.Server!.MainNamespace;
        Assert.Equal(new[] { idA, idB }.Order(), ns.GetSocketsInRoom("ops").Select(s => s.Id).Order());
        Assert.Equal(idC, ns.GetSocket(idC)!.Id);

        await ns.To("ops").Except("vip").EmitAsync("news", 1);
        Assert.Equal("42[\"news\",1]", await a.ReceiveTextAsync());

        await ns.To(idC).EmitAsync("direct", "only c");
        Assert.Equal("42[\"direct\",\"only c\"]", await c.ReceiveTextAsync());

        await ns.GetSocket(idA)!.To("ops").EmitAsync("from-a"); // the sender is left out
        Assert.Equal("42[\"from-a\"]", await b.ReceiveTextAsync());

        await ns.EmitAsync("all", true);
        foreach (var s in new[] { a, b, c }) Assert.Equal("42[\"all\",true]", await s.ReceiveTextAsync());
        // Nothing else was queued for anyone: a round trip shows the next message is the ack.
        foreach (var s in new[] { a, b, c })
        {
            await s.SendTextAsync("429[\"join\",\"x\"]");
            Assert.Equal("439[]", await s.ReceiveTextAsync());
        }
    }

    [Fact]
    public async Task Leaving_a_room_stops_its_broadcasts()
    {
        await using var host = await TestHost.StartSocketIOAsync(_ => { });
        var (a, idA) = await JoinAsync(host);
        await using var _ = a;
        var socket = host.Server!.MainNamespace.GetSocket(idA)!;
        socket.Join("r");
        Assert.Contains("r", socket.Rooms);
        socket.Leave("r");
        Assert.DoesNotContain("r", socket.Rooms);
        await host.Server.MainNamespace.To("r").EmitAsync("ghost");
        await socket.EmitAsync("direct");
        Assert.Equal("42[\"direct\"]", await a.ReceiveTextAsync());
    }

    [Fact]
    public async Task Server_emit_with_ack_resolves_with_the_client_answer()
    {
        await using var host = await TestHost.StartSocketIOAsync(_ => { });
        var (client, id) = await JoinAsync(host);
        await using var _ = client;
        var socket = host.Server!.MainNamespace.GetSocket(id)!;
        var answer = socket.EmitWithAckAsync<string>("question", ["why"]);
        Assert.Equal("420[\"question\",\"why\"]", await client.ReceiveTextAsync());
        await client.SendTextAsync("430[\"because\"]");
        Assert.Equal("because", await answer);
    }

    [Fact]
    public async Task Server_emit_with_ack_fails_after_the_timeout()
    {
        await using var host = await TestHost.StartSocketIOAsync(_ => { });
        var (client, id) = await JoinAsync(host);
        await using var _ = client;
        var socket = host.Server!.MainNamespace.GetSocket(id)!;
        var answer = socket.EmitWithAckAsync("question", [], TimeSpan.FromSeconds(2));
        await client.ReceiveTextAsync();
        host.Advance(TimeSpan.FromSeconds(2.1));
        await Assert.ThrowsAsync<SocketIOAckTimeoutException>(() => answer);
    }

    [Fact]
    public async Task Binary_arguments_from_the_server_travel_as_attachments()
    {
        await using var host = await TestHost.StartSocketIOAsync(_ => { });
        var (client, id) = await JoinAsync(host);
        await using var _ = client;
        await host.Server!.MainNamespace.GetSocket(id)!.EmitAsync("file", new { name = "a.bin", data = new byte[] { 7, 8 } });
        Assert.Equal("451-[\"file\",{\"name\":\"a.bin\",\"data\":{\"_placeholder\":true,\"num\":0}}]", await client.ReceiveTextAsync());
        Assert.Equal(new byte[] { 7, 8 }, await client.ReceiveBinaryAsync());
    }

    [Fact]
    public async Task Emitting_a_reserved_event_name_is_refused()
    {
        await using var host = await TestHost.StartSocketIOAsync(_ => { });
        await Assert.ThrowsAsync<ArgumentException>(() => host.Server!.MainNamespace.EmitAsync("disconnect"));
    }

    [Fact]
    public async Task Server_side_disconnect_sends_disconnect_packet_and_reports_the_reason()
    {
        var reasons = new ConcurrentQueue<string>();
        await using var host = await TestHost.StartSocketIOAsync(o => o.Namespace("/", ns => ns.OnDisconnect((_, r) => { reasons.Enqueue(r); return Task.CompletedTask; })));
        var (client, id) = await JoinAsync(host);
        await using var _ = client;
        host.Server!.MainNamespace.GetSocket(id)!.Disconnect();
        Assert.Equal("41", await client.ReceiveTextAsync());
        Assert.Equal([DisconnectReasons.ServerNamespaceDisconnect], reasons);
        Assert.Null(host.Server.MainNamespace.GetSocket(id));
    }

    [Fact]
    public async Task Server_side_disconnect_with_close_ends_the_connection()
    {
        await using var host = await TestHost.StartSocketIOAsync(_ => { });
        var (client, id) = await JoinAsync(host);
        await using var _ = client;
        host.Server!.MainNamespace.GetSocket(id)!.Disconnect(close: true);
        Assert.Equal("41", await client.ReceiveTextAsync());
        await client.AssertClosedAsync();
    }

    [Fact]
    public async Task Disconnect_reasons_tell_client_namespace_disconnect_transport_close_and_ping_timeout_apart()
    {
        var reasons = new ConcurrentDictionary<string, string>();
        await using var host = await TestHost.StartSocketIOAsync(o =>
        {
            o.PingInterval = TimeSpan.FromSeconds(1);
            o.PingTimeout = TimeSpan.FromSeconds(1);
            o.Namespace("/", ns => ns.OnDisconnect((s, r) => { reasons[s.Id] = r; return Task.CompletedTask; }));
        });
        var (a, idA) = await JoinAsync(host);
        var (b, idB) = await JoinAsync(host);
        var (c, idC) = await JoinAsync(host);
        await using var _a = a; await using var _b = b; await using var _c = c;

        await a.SendTextAsync("41");
        await b.SendTextAsync("1");
        await b.AssertClosedAsync();
        host.Advance(TimeSpan.FromSeconds(2.1));
        await c.ReceiveTextAsync(); // the ping
        await c.AssertClosedAsync();

        // The handlers run on the server's threads: give them a moment to be seen.
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (reasons.Count < 3 && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.Equal(DisconnectReasons.ClientNamespaceDisconnect, reasons[idA]);
        Assert.Equal(DisconnectReasons.TransportClose, reasons[idB]);
        Assert.Equal(DisconnectReasons.PingTimeout, reasons[idC]);
    }

    [Fact]
    public async Task Max_http_buffer_size_is_configurable_and_announced()
    {
        await using var host = await TestHost.StartSocketIOAsync(o => o.MaxHttpBufferSize = 100);
        var client = await PollingClient.OpenAsync(host, "/socket.io");
        var (status, _) = await client.PostAsync("4" + new string('x', 200));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        var open = await host.Http.GetStringAsync("/socket.io/?EIO=4&transport=polling");
        Assert.Contains("\"maxPayload\":100", open);
    }

    private sealed record ChatMessage(string Text);
    private sealed record ChatReceipt(int Length, string SocketId);
}
