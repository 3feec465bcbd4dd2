namespace PocketIT.SocketIO.Adapter;

/// <summary>Who receives a broadcast: members of any of <see cref="Rooms"/> (everyone when empty),
/// minus members of any of <see cref="Except"/>. A socket id is also the name of a room holding only that socket.</summary>
public sealed record BroadcastOptions(IReadOnlySet<string> Rooms, IReadOnlySet<string> Except)
{
    public static readonly BroadcastOptions Everyone = new(new HashSet<string>(), new HashSet<string>());
}
