using System.Text;
using PocketIT.SocketIO.Protocol;

namespace PocketIT.SocketIO.Tests.Protocol;

public sealed class SocketPacketDecoderTests
{
    private static SocketPacket? Decode(string text) =>
        SocketPacketDecoder.TryDecode(Encoding.UTF8.GetBytes(text), 10, out var packet) ? packet : null;

    [Fact]
    public void Connect_to_main_namespace_has_no_payload()
    {
        var packet = Decode("0")!;
        Assert.Equal(SocketPacketType.Connect, packet.Type);
        Assert.Equal("/", packet.Namespace);
        Assert.Null(packet.Data);
    }

    [Fact]
    public void Namespace_ack_id_and_payload_are_read_in_order()
    {
        var packet = Decode("2/admin,456[\"project:delete\",123]")!;
        Assert.Equal(SocketPacketType.Event, packet.Type);
        Assert.Equal("/admin", packet.Namespace);
        Assert.Equal(456, packet.AckId);
        Assert.Equal("[\"project:delete\",123]", packet.Data!.Value.GetRawText());
    }

    [Fact]
    public void Binary_event_announces_its_attachment_count()
    {
        var packet = Decode("52-/nsp,7[\"upload\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]")!;
        Assert.Equal(SocketPacketType.BinaryEvent, packet.Type);
        Assert.Equal(2, packet.AttachmentCount);
        Assert.Equal("/nsp", packet.Namespace);
        Assert.Equal(7, packet.AckId);
        Assert.False(packet.IsComplete);
    }

    [Theory]
    [InlineData("")]
    [InlineData("7")]
    [InlineData("2")]
    [InlineData("2\"text\"")]
    [InlineData("2[\"newListener\"]")]
    [InlineData("2[true]")]
    [InlineData("3[]")]
    [InlineData("5[\"x\"]")]
    [InlineData("511-[\"x\"]")] // more attachments than allowed
    [InlineData("1[]")]
    [InlineData("0[]")]
    [InlineData("2[\"x\"]garbage")]
    [InlineData("29007199254740992[\"x\"]")] // ack id beyond what a JavaScript client can count
    public void Invalid_packets_are_rejected(string text) => Assert.Null(Decode(text));

    [Fact]
    public void Numeric_event_names_are_accepted_like_the_reference_parser_does() =>
        Assert.NotNull(Decode("2[1,\"x\"]"));
}
