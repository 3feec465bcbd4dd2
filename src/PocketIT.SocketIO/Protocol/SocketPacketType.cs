namespace PocketIT.SocketIO.Protocol;

/// <summary>Socket.IO v5 packet types, the first digit after the Engine.IO message type.</summary>
public enum SocketPacketType : byte
{
    Connect = 0,
    Disconnect = 1,
    Event = 2,
    Ack = 3,
    ConnectError = 4,
    BinaryEvent = 5,
    BinaryAck = 6,
}
