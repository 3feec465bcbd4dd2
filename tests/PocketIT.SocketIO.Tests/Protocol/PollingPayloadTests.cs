using System.Text;
using PocketIT.SocketIO.Engine;

namespace PocketIT.SocketIO.Tests.Protocol;

public sealed class PollingPayloadTests
{
    [Fact]
    public void Frames_are_joined_by_record_separators_with_binary_in_base64()
    {
        var body = PollingPayload.Encode([EngineFrame.Message("hello"), EngineFrame.Binary([1, 2, 3, 4]), EngineFrame.Message("é")]);
        Assert.Equal("4hello\u001ebAQIDBA==\u001e4é", Encoding.UTF8.GetString(body));
    }

    [Fact]
    public void Body_is_split_into_text_and_binary_packets()
    {
        var texts = new List<string>();
        var binaries = new List<byte[]>();
        var ok = PollingPayload.Decode(Encoding.UTF8.GetBytes("4a\u001ebAQI=\u001e2"),
            t => { texts.Add(Encoding.UTF8.GetString(t)); return true; },
            b => { binaries.Add(b.ToArray()); return true; });
        Assert.True(ok);
        Assert.Equal(["4a", "2"], texts);
        Assert.Equal(new byte[] { 1, 2 }, Assert.Single(binaries));
    }

    [Theory]
    [InlineData("4a\u001e")]     // empty packet at the end
    [InlineData("\u001e4a")]     // empty packet at the start
    [InlineData("b!!!")]         // not base64
    public void Malformed_bodies_are_rejected(string body) =>
        Assert.False(PollingPayload.Decode(Encoding.UTF8.GetBytes(body), _ => true, _ => true));
}
