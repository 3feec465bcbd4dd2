using System.Text.Json;

namespace PocketIT.SocketIO.Protocol;

/// <summary>
/// A received argument that still refers to the attachments of its packet. Emitting it again writes
/// the JSON with its placeholders renumbered and the binary data attached, so echoing an event
/// forwards binary data as binary.
/// </summary>
internal sealed class BoundArgument(JsonElement element, IReadOnlyList<byte[]> attachments)
{
    public JsonElement Element { get; } = element;
    public IReadOnlyList<byte[]> Attachments { get; } = attachments;

    public void WriteTo(Utf8JsonWriter writer) => Write(writer, Element);

    private void Write(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (BinaryPlaceholderConverter.TryGetPlaceholder(element, out var num) && num < Attachments.Count)
                {
                    BinaryPlaceholderConverter.WritePlaceholder(writer, BinaryPlaceholderConverter.AddOutgoing(Attachments[num]));
                    return;
                }
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value);
                }
                writer.WriteEndObject();
                return;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray()) Write(writer, item);
                writer.WriteEndArray();
                return;
            default:
                element.WriteTo(writer);
                return;
        }
    }
}
