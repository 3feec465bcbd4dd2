using System.Text.Json;

namespace PocketIT.SocketIO.Protocol;

/// <summary>A decoded incoming Socket.IO packet. Binary packets collect their attachments after decoding.</summary>
internal sealed class SocketPacket
{
    public SocketPacketType Type { get; init; }
    public string Namespace { get; init; } = "/";
    public long AckId { get; init; } = -1;
    public JsonElement? Data { get; init; }
    public int AttachmentCount { get; init; }
    public List<byte[]>? Attachments { get; set; }

    public bool HasAck => AckId >= 0;
    public bool IsComplete => AttachmentCount == (Attachments?.Count ?? 0);
}
