using PocketIT.SocketIO.Tests.Support;

namespace PocketIT.SocketIO.Tests.SocketIO;

public sealed class SocketIOMessageTests : IAsyncLifetime
{
    private TestHost _host = null!;
    public async Task InitializeAsync() => _host = await TestHost.StartConformanceAsync();
    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Event_is_answered_by_message_back_with_the_same_arguments()
    {
        await using var socket = await SocketIOWire.ConnectMainAsync(_host);
        await socket.SendTextAsync("42[\"message\",1,\"2\",{\"3\":[true]}]");
        Assert.Equal("42[\"message-back\",1,\"2\",{\"3\":[true]}]", await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task Binary_event_attachments_are_reassembled_and_sent_back_as_binary()
    {
        await using var socket = await SocketIOWire.ConnectMainAsync(_host);
        await socket.SendTextAsync("452-[\"message\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
        await socket.SendBinaryAsync([1, 2, 3]);
        await socket.SendBinaryAsync([4, 5, 6]);
        Assert.Equal("452-[\"message-back\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]", await socket.ReceiveTextAsync());
        Assert.Equal(new byte[] { 1, 2, 3 }, await socket.ReceiveBinaryAsync());
        Assert.Equal(new byte[] { 4, 5, 6 }, await socket.ReceiveBinaryAsync());
    }

    [Fact]
    public async Task Event_with_ack_id_is_acknowledged_with_its_arguments()
    {
        await using var socket = await SocketIOWire.ConnectMainAsync(_host);
        await socket.SendTextAsync("42456[\"message-with-ack\",1,\"2\",{\"3\":[false]}]");
        Assert.Equal("43456[1,\"2\",{\"3\":[false]}]", await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task Binary_event_with_ack_is_acknowledged_with_a_binary_ack()
    {
        await using var socket = await SocketIOWire.ConnectMainAsync(_host);
        await socket.SendTextAsync("452-789[\"message-with-ack\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
        await socket.SendBinaryAsync([1, 2, 3]);
        await socket.SendBinaryAsync([4, 5, 6]);
        Assert.Equal("462-789[{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]", await socket.ReceiveTextAsync());
        Assert.Equal(new byte[] { 1, 2, 3 }, await socket.ReceiveBinaryAsync());
        Assert.Equal(new byte[] { 4, 5, 6 }, await socket.ReceiveBinaryAsync());
    }

    [Fact]
    public async Task Binary_event_over_polling_travels_as_base64_packets()
    {
        var client = await PollingClient.OpenAsync(_host, "/socket.io");
        await client.PostOkAsync("40");
        var connect = await client.GetOkAsync(); // CONNECT reply and "auth", possibly in one payload
        if (!connect.Contains('\u001e')) await client.GetOkAsync();
        await client.PostOkAsync("451-[\"message\",{\"_placeholder\":true,\"num\":0}]\u001ebAQID");
        Assert.Equal("451-[\"message-back\",{\"_placeholder\":true,\"num\":0}]\u001ebAQID", await client.GetOkAsync());
    }

    [Fact]
    public async Task Event_on_custom_namespace_names_it_in_the_packet()
    {
        await using var socket = await SocketIOWire.ConnectMainAsync(_host);
        await socket.SendTextAsync("40/custom,");
        Assert.StartsWith("40/custom,", await socket.ReceiveTextAsync());
        Assert.Equal("42/custom,[\"auth\",{}]", await socket.ReceiveTextAsync());
    }
}
