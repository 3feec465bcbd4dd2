namespace PocketIT.SocketIO.Engine;

/// <summary>Engine.IO v4 packet types, sent as a single ASCII digit.</summary>
internal static class EnginePacketType
{
    public const byte Open = (byte)'0';
    public const byte Close = (byte)'1';
    public const byte Ping = (byte)'2';
    public const byte Pong = (byte)'3';
    public const byte Message = (byte)'4';
    public const byte Upgrade = (byte)'5';
    public const byte Noop = (byte)'6';
}
