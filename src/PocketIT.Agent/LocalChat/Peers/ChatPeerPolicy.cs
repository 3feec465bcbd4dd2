namespace PocketIT.Agent.LocalChat.Peers;

/// <summary>The verdict on one process that connected to the shared chat socket.</summary>
public sealed record PeerVerdict(bool Allowed, string Reason);

/// <summary>
/// Who may chat through the shared socket (the one every account can reach): root, the agent's own account,
/// and accounts with a login session on this machine, i.e. the person at the machine. Anyone else (service
/// accounts, a process of a user who is not logged in) is refused, so approvals stay with the user present.
/// </summary>
public static class ChatPeerPolicy
{
    public static PeerVerdict Decide(uint? peerUid, uint agentUid, IReadOnlySet<uint> sessionUids)
    {
        if (peerUid is not { } uid) return new(false, "the connecting account could not be identified");
        if (uid == UnixAccount.RootUid) return new(true, "root");
        if (uid == agentUid) return new(true, "the agent's own account");
        if (sessionUids.Contains(uid)) return new(true, "a user with a session on this machine");
        return new(false, "not a user with a session on this machine");
    }

    /// <summary>The one line a refused chat shows before the agent hangs up.</summary>
    public static string RefusalLine(uint? peerUid) =>
        $"The Pocket IT agent only chats with the person signed in to this machine (uid {peerUid?.ToString() ?? "unknown"} has no session here).";
}
