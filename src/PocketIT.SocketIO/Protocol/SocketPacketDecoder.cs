using System.Text.Json;

namespace PocketIT.SocketIO.Protocol;

/// <summary>
/// Parses the text form of a Socket.IO v5 packet:
/// <c>&lt;type&gt;[&lt;attachments&gt;-][&lt;namespace&gt;,][&lt;ack id&gt;][JSON]</c>,
/// and checks that the payload has the shape its type requires.
/// </summary>
internal static class SocketPacketDecoder
{
    /// <summary>Event names a client may not send: the server uses them for its own life-cycle.</summary>
    public static readonly HashSet<string> ReservedEvents =
        ["connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener"];

    private const long MaxAckId = 9_007_199_254_740_991; // the largest integer a JavaScript client can count to

    public static bool TryDecode(ReadOnlySpan<byte> text, int maxAttachments, out SocketPacket? packet)
    {
        packet = null;
        if (text.IsEmpty) return false;
        var typeDigit = text[0] - '0';
        if (typeDigit is < 0 or > 6) return false;
        var type = (SocketPacketType)typeDigit;
        var i = 1;

        var attachments = 0;
        if (type is SocketPacketType.BinaryEvent or SocketPacketType.BinaryAck)
        {
            var start = i;
            while (i < text.Length && IsDigit(text[i]))
            {
                attachments = attachments * 10 + (text[i] - '0');
                if (attachments > maxAttachments) return false;
                i++;
            }
            if (i == start || i >= text.Length || text[i] != '-') return false;
            i++;
        }

        var nsp = "/";
        if (i < text.Length && text[i] == '/')
        {
            var rest = text[i..];
            var comma = rest.IndexOf((byte)',');
            var nspBytes = comma < 0 ? rest : rest[..comma];
            nsp = nspBytes.SequenceEqual("/"u8) ? "/" : System.Text.Encoding.UTF8.GetString(nspBytes);
            i += comma < 0 ? rest.Length : comma + 1;
        }

        long ackId = -1;
        if (i < text.Length && IsDigit(text[i]))
        {
            ackId = 0;
            while (i < text.Length && IsDigit(text[i]))
            {
                ackId = ackId * 10 + (text[i] - '0');
                if (ackId > MaxAckId) return false;
                i++;
            }
        }

        JsonElement? data = null;
        if (i < text.Length)
        {
            try
            {
                var reader = new Utf8JsonReader(text[i..], new JsonReaderOptions { MaxDepth = 64 });
                data = JsonElement.ParseValue(ref reader);
                if (reader.BytesConsumed != text.Length - i) return false;
            }
            catch (JsonException)
            {
                return false;
            }
        }

        if (!IsPayloadValid(type, data, ackId)) return false;
        packet = new SocketPacket { Type = type, Namespace = nsp, AckId = ackId, Data = data, AttachmentCount = attachments };
        return true;
    }

    private static bool IsPayloadValid(SocketPacketType type, JsonElement? data, long ackId) => type switch
    {
        SocketPacketType.Connect => data is null || data.Value.ValueKind == JsonValueKind.Object,
        SocketPacketType.Disconnect => data is null,
        SocketPacketType.Event or SocketPacketType.BinaryEvent => data is { ValueKind: JsonValueKind.Array } array
            && array.GetArrayLength() > 0
            && IsValidEventName(array[0]),
        SocketPacketType.Ack or SocketPacketType.BinaryAck => ackId >= 0 && data is { ValueKind: JsonValueKind.Array },
        // A server never accepts CONNECT_ERROR from a client.
        _ => false,
    };

    private static bool IsValidEventName(JsonElement name) =>
        name.ValueKind == JsonValueKind.Number
        || (name.ValueKind == JsonValueKind.String && !ReservedEvents.Contains(name.GetString()!));

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';
}
