using System.Net.Sockets;
using PocketIT.Agent.LocalChat;
using PocketIT.Agent.LocalChat.Peers;

namespace PocketIT.Agent.Tests.Runtime;

/// <summary>Who may use the shared chat socket, and how the agent learns who is connecting.</summary>
public sealed class ChatPeerTests
{
    private const uint AgentUid = 0, OwnUid = 1000, SessionUid = 1001, Stranger = 1002;
    private static readonly IReadOnlySet<uint> Sessions = new HashSet<uint> { SessionUid };

    [Fact]
    public void Root_the_agents_own_account_and_session_users_may_chat()
    {
        Assert.True(ChatPeerPolicy.Decide(0, OwnUid, Sessions).Allowed);
        Assert.True(ChatPeerPolicy.Decide(OwnUid, OwnUid, Sessions).Allowed);
        Assert.True(ChatPeerPolicy.Decide(SessionUid, AgentUid, Sessions).Allowed);
    }

    [Fact]
    public void Other_accounts_and_unidentified_peers_are_refused()
    {
        Assert.False(ChatPeerPolicy.Decide(Stranger, AgentUid, Sessions).Allowed);
        Assert.False(ChatPeerPolicy.Decide(Stranger, AgentUid, new HashSet<uint>()).Allowed);
        Assert.False(ChatPeerPolicy.Decide(null, AgentUid, Sessions).Allowed);
        Assert.Contains("uid 1002", ChatPeerPolicy.RefusalLine(Stranger));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // Unix sockets, uids and signals: the project tests on Linux
    public async Task The_peer_uid_read_from_a_real_socket_is_this_processs_uid()
    {
        var folder = TempFolder();
        var path = Path.Combine(folder, "peer.sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen(1);
        using var client = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await client.ConnectAsync(new UnixDomainSocketEndPoint(path));
        using var accepted = await listener.AcceptAsync();

        var own = UnixAccount.EffectiveUid();
        Assert.NotNull(own);
        Assert.Equal(own, PeerCredentials.UidOf(accepted));
        Assert.Equal(own, PeerCredentials.UidOf(client));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // Unix sockets, uids and signals: the project tests on Linux
    public void Session_users_are_the_runtime_folders_owned_by_the_uid_they_are_named_after()
    {
        var root = TempFolder();
        var own = UnixAccount.EffectiveUid()!.Value;
        var other = own + 4242; // a folder named after another uid but owned by us: planted, not a session
        Directory.CreateDirectory(Path.Combine(root, own.ToString()));
        Directory.CreateDirectory(Path.Combine(root, other.ToString()));
        Directory.CreateDirectory(Path.Combine(root, "not-a-uid"));

        Assert.Equal([own], SessionUsers.FromRuntimeFolders(root).ToArray());
        Assert.Empty(SessionUsers.FromRuntimeFolders(Path.Combine(root, "missing")));
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // Unix sockets, uids and signals: the project tests on Linux
    public void The_file_owner_is_read_without_following_symlinks()
    {
        var folder = TempFolder();
        var link = Path.Combine(folder, "link");
        File.CreateSymbolicLink(link, folder);

        var owner = UnixFileOwner.Of(folder);
        Assert.Equal(new FileOwner(UnixAccount.EffectiveUid()!.Value, IsDirectory: true, IsSymlink: false), owner);
        Assert.Equal(new FileOwner(owner!.Uid, IsDirectory: false, IsSymlink: true), UnixFileOwner.Of(link));
        Assert.Null(UnixFileOwner.Of(Path.Combine(folder, "missing")));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // the lambdas below are beyond the analyzer's guard check
    public void The_shared_socket_folder_is_created_world_readable_and_a_planted_symlink_or_file_is_refused()
    {
        var folder = TempFolder();
        var fresh = Path.Combine(folder, "run", "pocketit-agent");
        SharedChatSocket.PrepareFolder(Path.Combine(fresh, "agent.sock"));
        Assert.Equal(SharedChatSocket.FolderMode, File.GetUnixFileMode(fresh));

        var planted = Path.Combine(folder, "planted");
        File.CreateSymbolicLink(planted, fresh);
        Assert.Throws<UnsafeSocketFolderException>(() => SharedChatSocket.PrepareFolder(Path.Combine(planted, "agent.sock")));

        var file = Path.Combine(folder, "file");
        File.WriteAllText(file, "");
        Assert.Throws<UnsafeSocketFolderException>(() => SharedChatSocket.PrepareFolder(Path.Combine(file, "agent.sock")));
        Directory.Delete(folder, recursive: true);
    }

    internal static string TempFolder()
    {
        // Short: a Unix socket path is limited to about 104 bytes.
        var folder = Path.Combine("/tmp", "pit-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        return folder;
    }
}
