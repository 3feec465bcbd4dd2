using System.Text.Json;
using System.Text.Json.Serialization;

namespace PocketIT.SocketIO.Protocol;

/// <summary>
/// Writes a byte[] as a Socket.IO attachment placeholder <c>{"_placeholder":true,"num":n}</c> and
/// reads one back, when an encode or decode is in progress on this thread; otherwise falls back
/// to the serializer's base64 string, so the same options serve plain JSON too.
/// </summary>
internal sealed class BinaryPlaceholderConverter : JsonConverter<byte[]>
{
    [ThreadStatic] private static List<byte[]>? t_outgoing;
    [ThreadStatic] private static IReadOnlyList<byte[]>? t_incoming;

    public override bool HandleNull => false;

    /// <summary>Collects attachments written on this thread until the returned scope ends.</summary>
    public static OutgoingScope CollectOutgoing(List<byte[]> sink) => new(sink);

    public static IncomingScope ResolveIncoming(IReadOnlyList<byte[]>? attachments) => new(attachments);

    /// <summary>Appends an attachment while an outgoing scope is open; returns its placeholder number.</summary>
    public static int AddOutgoing(byte[] data)
    {
        var sink = t_outgoing ?? throw new InvalidOperationException("No packet is being encoded.");
        sink.Add(data);
        return sink.Count - 1;
    }

    public static void WritePlaceholder(Utf8JsonWriter writer, int num)
    {
        writer.WriteStartObject();
        writer.WriteBoolean("_placeholder"u8, true);
        writer.WriteNumber("num"u8, num);
        writer.WriteEndObject();
    }

    public override void Write(Utf8JsonWriter writer, byte[] value, JsonSerializerOptions options)
    {
        if (t_outgoing is null) writer.WriteBase64StringValue(value);
        else WritePlaceholder(writer, AddOutgoing(value));
    }

    public override byte[]? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String) return reader.GetBytesFromBase64();
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("Expected binary data.");
        using var doc = JsonDocument.ParseValue(ref reader);
        if (TryGetPlaceholder(doc.RootElement, out var num) && t_incoming is { } incoming && num < incoming.Count)
            return incoming[num];
        throw new JsonException("Expected a binary attachment placeholder.");
    }

    public static bool TryGetPlaceholder(JsonElement element, out int num)
    {
        num = -1;
        return element.ValueKind == JsonValueKind.Object
            && element.TryGetProperty("_placeholder"u8, out var flag) && flag.ValueKind == JsonValueKind.True
            && element.TryGetProperty("num"u8, out var n) && n.TryGetInt32(out num) && num >= 0;
    }

    public readonly struct OutgoingScope : IDisposable
    {
        private readonly List<byte[]>? _previous;
        public OutgoingScope(List<byte[]> sink) { _previous = t_outgoing; t_outgoing = sink; }
        public void Dispose() => t_outgoing = _previous;
    }

    public readonly struct IncomingScope : IDisposable
    {
        private readonly IReadOnlyList<byte[]>? _previous;
        public IncomingScope(IReadOnlyList<byte[]>? attachments) { _previous = t_incoming; t_incoming = attachments; }
        public void Dispose() => t_incoming = _previous;
    }
}
