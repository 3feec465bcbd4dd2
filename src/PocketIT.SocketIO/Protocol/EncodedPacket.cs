using PocketIT.SocketIO.Engine;

namespace PocketIT.SocketIO.Protocol;

/// <summary>A Socket.IO packet ready for the wire: its text frame and, for binary packets, the attachment frames.
/// Encoded once and shared by every recipient of a broadcast.</summary>
public sealed class EncodedPacket
{
    public EncodedPacket(EngineFrame frame, IReadOnlyList<EngineFrame>? attachments)
    {
        Frame = frame;
        Attachments = attachments;
    }

    public EngineFrame Frame { get; }
    public IReadOnlyList<EngineFrame>? Attachments { get; }
}
