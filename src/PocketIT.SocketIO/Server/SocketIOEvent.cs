using System.Text.Json;
using PocketIT.SocketIO.Protocol;

namespace PocketIT.SocketIO;

/// <summary>An event received from a client.</summary>
public sealed class SocketIOEvent : SocketIOArguments
{
    private readonly long _ackId;
    private int _acked;

    internal SocketIOEvent(SocketIOSocket socket, string name, JsonElement array, IReadOnlyList<byte[]>? attachments, long ackId, JsonSerializerOptions json)
        : base(array, 1, attachments, json)
    {
        Socket = socket;
        Name = name;
        _ackId = ackId;
    }

    public SocketIOSocket Socket { get; }
    public string Name { get; }

    /// <summary>True when the client asked for an acknowledgement.</summary>
    public bool HasAck => _ackId >= 0;

    /// <summary>Answers the client's acknowledgement callback. Only the first call is sent.</summary>
    public ValueTask AckAsync(params object?[] args)
    {
        if (_ackId < 0 || Interlocked.Exchange(ref _acked, 1) != 0) return ValueTask.CompletedTask;
        var packet = SocketPacketEncoder.EncodeAck(Socket.Namespace.Name, _ackId, args, Socket.Namespace.Server.SerializerOptions);
        Socket.SendPacket(packet);
        return ValueTask.CompletedTask;
    }
}
