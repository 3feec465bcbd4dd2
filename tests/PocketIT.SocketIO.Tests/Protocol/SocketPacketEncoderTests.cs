using System.Text;
using System.Text.Json;
using PocketIT.SocketIO.Protocol;

namespace PocketIT.SocketIO.Tests.Protocol;

public sealed class SocketPacketEncoderTests
{
    private static readonly JsonSerializerOptions Json = Options();

    private static JsonSerializerOptions Options()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Insert(0, new BinaryPlaceholderConverter());
        return options;
    }

    private static string Text(EncodedPacket packet) => Encoding.UTF8.GetString(packet.Frame.Data);

    [Fact]
    public void Event_on_main_namespace_omits_the_namespace()
    {
        var packet = SocketPacketEncoder.EncodeEvent("/", "hello", ["world", 1], -1, Json);
        Assert.Equal("42[\"hello\",\"world\",1]", Text(packet));
        Assert.Null(packet.Attachments);
    }

    [Fact]
    public void Event_with_namespace_and_ack_id()
    {
        var packet = SocketPacketEncoder.EncodeEvent("/it", "ask", [new { a = 1 }], 12, Json);
        Assert.Equal("42/it,12[\"ask\",{\"a\":1}]", Text(packet));
    }

    [Fact]
    public void Nested_binary_becomes_placeholders_and_attachment_frames()
    {
        var packet = SocketPacketEncoder.EncodeEvent("/", "file", [new { data = new byte[] { 1 } }, new byte[] { 2, 3 }], -1, Json);
        Assert.Equal("452-[\"file\",{\"data\":{\"_placeholder\":true,\"num\":0}},{\"_placeholder\":true,\"num\":1}]", Text(packet));
        Assert.Equal(2, packet.Attachments!.Count);
        Assert.True(packet.Attachments[1].IsBinary);
        Assert.Equal(new byte[] { 2, 3 }, packet.Attachments[1].Data);
    }

    [Fact]
    public void Connect_reply_carries_the_sid_only()
    {
        Assert.Equal("40/custom,{\"sid\":\"abc\"}", Text(SocketPacketEncoder.EncodeConnect("/custom", "abc")));
    }

    [Fact]
    public void Connect_error_carries_message_and_optional_data()
    {
        Assert.Equal("44{\"message\":\"no\"}", Text(SocketPacketEncoder.EncodeConnectError("/", "no", null, Json)));
        Assert.Equal("44/a,{\"message\":\"no\",\"data\":{\"why\":1}}", Text(SocketPacketEncoder.EncodeConnectError("/a", "no", new { why = 1 }, Json)));
    }

    [Fact]
    public void Received_arguments_emitted_again_keep_their_binary()
    {
        using var doc = JsonDocument.Parse("[\"x\",{\"_placeholder\":true,\"num\":0}]");
        var args = new SocketIOArguments(doc.RootElement.Clone(), 0, [new byte[] { 9 }], Json);
        Assert.Equal(new byte[] { 9 }, args.Get<byte[]>(1));
        var packet = SocketPacketEncoder.EncodeAck("/", 3, args.ToArray(), Json);
        Assert.Equal("461-3[\"x\",{\"_placeholder\":true,\"num\":0}]", Text(packet));
        Assert.Equal(new byte[] { 9 }, packet.Attachments![0].Data);
    }
}
