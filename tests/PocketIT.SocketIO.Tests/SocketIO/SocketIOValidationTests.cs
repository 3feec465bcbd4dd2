using PocketIT.SocketIO.Tests.Support;

namespace PocketIT.SocketIO.Tests.SocketIO;

/// <summary>Anything a conforming client would never send closes the whole connection.</summary>
public sealed class SocketIOValidationTests : IAsyncLifetime
{
    private TestHost _host = null!;
    public async Task InitializeAsync() => _host = await TestHost.StartConformanceAsync();
    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("4abc")]                                     // unknown packet type
    [InlineData("49")]                                       // unknown packet type digit
    [InlineData("42{}")]                                     // event payload is not an array
    [InlineData("42[]")]                                     // event without a name
    [InlineData("42[1")]                                     // truncated JSON
    [InlineData("42abc[\"message-with-ack\",1]")]           // invalid ack id
    [InlineData("42[\"disconnect\"]")]                       // reserved event name
    [InlineData("42[\"connect\",1]")]                        // reserved event name
    [InlineData("43[1]")]                                    // ack without id
    [InlineData("44{\"message\":\"x\"}")]                    // CONNECT_ERROR from a client
    [InlineData("41{\"x\":1}")]                              // DISCONNECT with a payload
    [InlineData("45-[\"message\"]")]                         // binary event without a count
    public async Task Malformed_packet_closes_the_connection(string packet)
    {
        await using var socket = await SocketIOWire.ConnectMainAsync(_host);
        await socket.SendTextAsync(packet);
        await socket.AssertClosedAsync();
    }

    [Fact]
    public async Task Event_for_a_namespace_not_joined_closes_the_connection()
    {
        await using var socket = await SocketIOWire.ConnectMainAsync(_host);
        await socket.SendTextAsync("42/custom,[\"message\",1]");
        await socket.AssertClosedAsync();
    }

    [Fact]
    public async Task Text_packet_while_attachments_are_awaited_closes_the_connection()
    {
        await using var socket = await SocketIOWire.ConnectMainAsync(_host);
        await socket.SendTextAsync("451-[\"message\",{\"_placeholder\":true,\"num\":0}]");
        await socket.SendTextAsync("42[\"message\",1]");
        await socket.AssertClosedAsync();
    }

    [Fact]
    public async Task Unexpected_binary_message_closes_the_connection()
    {
        await using var socket = await SocketIOWire.ConnectMainAsync(_host);
        await socket.SendBinaryAsync([1, 2]);
        await socket.AssertClosedAsync();
    }

    [Fact]
    public async Task Connect_with_a_non_object_payload_closes_the_connection()
    {
        var (socket, _) = await RawWebSocket.OpenAsync(_host, "/socket.io");
        await using var _1 = socket;
        await socket.SendTextAsync("40\"token\"");
        await socket.AssertClosedAsync();
    }
}
