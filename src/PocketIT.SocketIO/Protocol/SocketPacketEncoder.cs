using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using PocketIT.SocketIO.Engine;

namespace PocketIT.SocketIO.Protocol;

/// <summary>
/// Builds outgoing Socket.IO packets straight into Engine.IO frames. The JSON is written with a
/// per-thread reusable writer, then copied once behind the header into the frame's exact-size array.
/// </summary>
internal static class SocketPacketEncoder
{
    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_writer;

    public static EncodedPacket EncodeEvent(string nsp, string eventName, ReadOnlySpan<object?> args, long ackId, JsonSerializerOptions json)
    {
        var (buffer, writer) = Rent();
        var attachments = new List<byte[]>(0);
        using (BinaryPlaceholderConverter.CollectOutgoing(attachments))
        {
            writer.WriteStartArray();
            writer.WriteStringValue(eventName);
            foreach (var arg in args) WriteArgument(writer, arg, json);
            writer.WriteEndArray();
            writer.Flush();
        }
        var type = attachments.Count > 0 ? SocketPacketType.BinaryEvent : SocketPacketType.Event;
        return Assemble(type, nsp, ackId, buffer.WrittenSpan, attachments);
    }

    public static EncodedPacket EncodeAck(string nsp, long ackId, ReadOnlySpan<object?> args, JsonSerializerOptions json)
    {
        var (buffer, writer) = Rent();
        var attachments = new List<byte[]>(0);
        using (BinaryPlaceholderConverter.CollectOutgoing(attachments))
        {
            writer.WriteStartArray();
            foreach (var arg in args) WriteArgument(writer, arg, json);
            writer.WriteEndArray();
            writer.Flush();
        }
        var type = attachments.Count > 0 ? SocketPacketType.BinaryAck : SocketPacketType.Ack;
        return Assemble(type, nsp, ackId, buffer.WrittenSpan, attachments);
    }

    /// <summary>The CONNECT reply. It carries only the socket id (no "pid": we do not offer session recovery).</summary>
    public static EncodedPacket EncodeConnect(string nsp, string socketId)
    {
        var (buffer, writer) = Rent();
        writer.WriteStartObject();
        writer.WriteString("sid"u8, socketId);
        writer.WriteEndObject();
        writer.Flush();
        return Assemble(SocketPacketType.Connect, nsp, -1, buffer.WrittenSpan, null);
    }

    public static EncodedPacket EncodeConnectError(string nsp, string message, object? data, JsonSerializerOptions json)
    {
        var (buffer, writer) = Rent();
        writer.WriteStartObject();
        writer.WriteString("message"u8, message);
        if (data is not null)
        {
            writer.WritePropertyName("data"u8);
            WriteArgument(writer, data, json);
        }
        writer.WriteEndObject();
        writer.Flush();
        return Assemble(SocketPacketType.ConnectError, nsp, -1, buffer.WrittenSpan, null);
    }

    public static EncodedPacket EncodeDisconnect(string nsp) =>
        Assemble(SocketPacketType.Disconnect, nsp, -1, default, null);

    private static void WriteArgument(Utf8JsonWriter writer, object? arg, JsonSerializerOptions json)
    {
        switch (arg)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case BoundArgument bound:
                bound.WriteTo(writer);
                break;
            case byte[] bytes:
                BinaryPlaceholderConverter.WritePlaceholder(writer, BinaryPlaceholderConverter.AddOutgoing(bytes));
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            default:
                JsonSerializer.Serialize(writer, arg, arg.GetType(), json);
                break;
        }
    }

    private static (ArrayBufferWriter<byte>, Utf8JsonWriter) Rent()
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(256);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });
        writer.Reset(buffer);
        if (buffer.Capacity > 1 << 20) // do not keep a huge buffer per thread after one big message
        {
            t_buffer = buffer = new ArrayBufferWriter<byte>(256);
            writer.Reset(buffer);
        }
        return (buffer, writer);
    }

    private static EncodedPacket Assemble(SocketPacketType type, string nsp, long ackId, ReadOnlySpan<byte> json, List<byte[]>? attachments)
    {
        var attachmentCount = attachments?.Count ?? 0;
        var nspLength = nsp == "/" ? 0 : Encoding.UTF8.GetByteCount(nsp) + 1;
        var length = 2 + nspLength + json.Length
            + (attachmentCount > 0 ? DigitCount(attachmentCount) + 1 : 0)
            + (ackId >= 0 ? DigitCount(ackId) : 0);
        var frame = new byte[length];
        frame[0] = (byte)'4'; // Engine.IO message
        frame[1] = (byte)('0' + (int)type);
        var pos = 2;
        if (attachmentCount > 0)
        {
            Utf8Formatter.TryFormat(attachmentCount, frame.AsSpan(pos), out var written);
            pos += written;
            frame[pos++] = (byte)'-';
        }
        if (nspLength > 0)
        {
            pos += Encoding.UTF8.GetBytes(nsp, frame.AsSpan(pos));
            frame[pos++] = (byte)',';
        }
        if (ackId >= 0)
        {
            Utf8Formatter.TryFormat(ackId, frame.AsSpan(pos), out var written);
            pos += written;
        }
        json.CopyTo(frame.AsSpan(pos));

        EngineFrame[]? binary = null;
        if (attachmentCount > 0)
        {
            binary = new EngineFrame[attachmentCount];
            for (var i = 0; i < attachmentCount; i++) binary[i] = new EngineFrame(attachments![i], true);
        }
        return new EncodedPacket(new EngineFrame(frame, false), binary);
    }

    private static int DigitCount(long value)
    {
        var digits = 1;
        while (value >= 10) { value /= 10; digits++; }
        return digits;
    }
}
