using System.Text.Json;
using PocketIT.SocketIO.Tests.Support;
using SocketIOClient;
using SocketIOClient.Transport;
using ClientOptions = SocketIOClient.SocketIOOptions;

namespace PocketIT.SocketIO.Tests.Clients;

/// <summary>SocketIOClient 3.0.6 (NuGet), a client nobody here wrote, against the conformance host on the
/// real clock (300 ms heartbeats, which the client must answer).</summary>
public sealed class SocketIOClientInteropTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20); // generous: CI machines are shared
    private TestHost _host = null!;
    public async Task InitializeAsync() => _host = await TestHost.StartConformanceAsync(realTime: true);
    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<TransportProtocol> Transports => new() { TransportProtocol.Polling, TransportProtocol.WebSocket };

    private SocketIOClient.SocketIO Client(TransportProtocol transport, string nsp = "", object? auth = null) =>
        new(new Uri(_host.BaseUri, nsp), new ClientOptions
        {
            Transport = transport,
            Reconnection = false,
            Auth = auth,
            ConnectionTimeout = Patience,
        });

    private static async Task<T> Within<T>(Task<T> task)
    {
        var done = await Task.WhenAny(task, Task.Delay(Patience));
        Assert.True(done == task, "the client did not get an answer in time");
        return await task;
    }

    [Fact]
    public async Task Default_client_connects_and_receives_its_auth()
    {
        using var client = new SocketIOClient.SocketIO(_host.BaseUri, new ClientOptions { Reconnection = false, Auth = new { token = "t1" } });
        var auth = new TaskCompletionSource<JsonElement>();
        client.On("auth", r => auth.TrySetResult(r.GetValue<JsonElement>()));
        await client.ConnectAsync();
        Assert.Equal("t1", (await Within(auth.Task)).GetProperty("token").GetString());
        Assert.True(client.Connected);
        await client.DisconnectAsync();
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Message_is_answered_with_message_back_binary_included(TransportProtocol transport)
    {
        using var client = Client(transport);
        var back = new TaskCompletionSource<SocketIOResponse>();
        client.On("message-back", r => back.TrySetResult(r));
        await client.ConnectAsync();
        await client.EmitAsync("message", "text", 42, new byte[] { 1, 2, 3 });
        var response = await Within(back.Task);
        Assert.Equal("text", response.GetValue<string>(0));
        Assert.Equal(42, response.GetValue<int>(1));
        Assert.Equal(new byte[] { 1, 2, 3 }, response.GetValue<byte[]>(2));
        await client.DisconnectAsync();
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Client_ack_is_answered_by_the_server(TransportProtocol transport)
    {
        using var client = Client(transport);
        await client.ConnectAsync();
        var ack = new TaskCompletionSource<SocketIOResponse>();
        await client.EmitAsync("message-with-ack", r => ack.TrySetResult(r), "hello", new { n = 1 });
        var response = await Within(ack.Task);
        Assert.Equal("hello", response.GetValue<string>(0));
        Assert.Equal(1, response.GetValue<JsonElement>(1).GetProperty("n").GetInt32());
        await client.DisconnectAsync();
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Server_ack_request_is_answered_by_the_client(TransportProtocol transport)
    {
        using var client = Client(transport, "/interop");
        client.On("question", async r => await r.CallbackAsync(r.GetValue<string>(0) + "!"));
        await client.ConnectAsync();
        var ack = new TaskCompletionSource<SocketIOResponse>();
        await client.EmitAsync("ask-me", r => ack.TrySetResult(r), "why");
        Assert.Equal("why!", (await Within(ack.Task)).GetValue<string>(0));
        await client.DisconnectAsync();
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Custom_namespace_connects_with_auth(TransportProtocol transport)
    {
        using var client = Client(transport, "/custom", new { user = "u" });
        var auth = new TaskCompletionSource<JsonElement>();
        client.On("auth", r => auth.TrySetResult(r.GetValue<JsonElement>()));
        await client.ConnectAsync();
        Assert.Equal("u", (await Within(auth.Task)).GetProperty("user").GetString());
        await client.DisconnectAsync();
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Room_broadcast_reaches_the_other_member(TransportProtocol transport)
    {
        using var sender = Client(transport, "/interop", new { name = "s" });
        using var receiver = Client(transport, "/interop", new { name = "r" });
        var got = new TaskCompletionSource<SocketIOResponse>();
        receiver.On("room-message", r => got.TrySetResult(r));
        await sender.ConnectAsync();
        await receiver.ConnectAsync();
        var joined = new TaskCompletionSource<bool>();
        await receiver.EmitAsync("join", r => joined.TrySetResult(true), "team");
        await Within(joined.Task);
        await sender.EmitAsync("to-room", _ => { }, "team", "hi");
        var message = await Within(got.Task);
        Assert.Equal("s", message.GetValue<string>(0));
        Assert.Equal("hi", message.GetValue<string>(1));
        await sender.DisconnectAsync();
        await receiver.DisconnectAsync();
    }
}
