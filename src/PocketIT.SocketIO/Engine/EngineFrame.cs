namespace PocketIT.SocketIO.Engine;

/// <summary>
/// One outgoing Engine.IO packet, already encoded. A text frame holds the packet type digit
/// followed by its UTF-8 data; a binary frame holds the raw message bytes. Frames are immutable,
/// so one broadcast encodes once and shares the same bytes with every recipient.
/// </summary>
public readonly struct EngineFrame
{
    public EngineFrame(byte[] data, bool isBinary)
    {
        Data = data;
        IsBinary = isBinary;
    }

    public byte[] Data { get; }
    public bool IsBinary { get; }

    internal static readonly EngineFrame Ping = new("2"u8.ToArray(), false);
    internal static readonly EngineFrame Pong = new("3"u8.ToArray(), false);
    internal static readonly EngineFrame Close = new("1"u8.ToArray(), false);
    internal static readonly EngineFrame Noop = new("6"u8.ToArray(), false);
    internal static readonly EngineFrame ProbeReply = new("3probe"u8.ToArray(), false);

    /// <summary>A message packet ('4') carrying <paramref name="utf8"/>.</summary>
    public static EngineFrame Message(ReadOnlySpan<byte> utf8)
    {
        var data = new byte[utf8.Length + 1];
        data[0] = (byte)'4';
        utf8.CopyTo(data.AsSpan(1));
        return new EngineFrame(data, false);
    }

    public static EngineFrame Message(string text) => Message(System.Text.Encoding.UTF8.GetBytes(text));

    public static EngineFrame Binary(ReadOnlySpan<byte> bytes) => new(bytes.ToArray(), true);
}
