using PocketIT.SocketIO.Protocol;

namespace PocketIT.SocketIO.Adapter;

/// <summary>
/// Room membership and broadcasting for one namespace. The in-memory adapter serves one process;
/// a cluster adapter (Redis) would publish <see cref="BroadcastAsync"/> packets, already encoded as
/// bytes, to the other nodes and deliver the packets it receives from them through its local path.
/// </summary>
public interface ISocketIOAdapter : IDisposable
{
    void AddAll(string socketId, IEnumerable<string> rooms);
    void Delete(string socketId, string room);
    void DeleteAll(string socketId);

    /// <summary>Rooms of a local socket, including the room named by its id.</summary>
    IReadOnlyCollection<string> GetRooms(string socketId);

    /// <summary>Ids of the sockets of this process that the options select.</summary>
    IReadOnlyList<string> GetLocalSocketIds(BroadcastOptions options);

    /// <summary>Delivers a packet to every selected socket (on every node, for a cluster adapter).</summary>
    Task BroadcastAsync(EncodedPacket packet, BroadcastOptions options);

    /// <summary>Ids of the selected sockets (on every node, for a cluster adapter).</summary>
    Task<IReadOnlyList<string>> FetchSocketIdsAsync(BroadcastOptions options);
}
