using Microsoft.Extensions.Logging.Abstractions;
using PocketIT.Agent.Approval;
using PocketIT.Agent.Configuration;
using PocketIT.Agent.Connection;
using PocketIT.Agent.LocalChat;
using PocketIT.Agent.LocalChat.Peers;
using PocketIT.Agent.Tests.Runtime.Infrastructure;

namespace PocketIT.Agent.Tests.Runtime;

/// <summary>
/// The shared chat socket an agent running as a service offers the signed-in user, with a temp path instead of
/// /run/pocketit-agent (tests may or may not run as root; the test process is always the agent's own account).
/// </summary>
public sealed class SharedChatSocketTests(AgentTestServer server) : IClassFixture<AgentTestServer>
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // Unix sockets, uids and signals: the project tests on Linux
    public async Task A_chat_that_cannot_reach_the_data_folder_socket_uses_the_shared_one()
    {
        var shared = Path.Combine(ChatPeerTests.TempFolder(), "run", "agent.sock");
        var settings = RunningAgent.SettingsFor(server.BaseUri, await server.NewEnrollmentTokenAsync()) with { SharedSocketPath = shared };
        await using var agent = await RunningAgent.StartAsync(settings);
        await Eventually.True(() => agent.Connection.Connected, "the agent connected");

        Assert.Equal(SharedChatSocket.SocketMode, File.GetUnixFileMode(shared));
        Assert.Equal(SharedChatSocket.FolderMode, File.GetUnixFileMode(Path.GetDirectoryName(shared)!));
        var unreachable = Path.Combine(ChatPeerTests.TempFolder(), "data", "agent.sock");
        await using var chat = ScriptedChat.Start([unreachable, shared]);
        await chat.Expect("system> Connected to the Pocket IT agent", l => l.Contains(agent.DeviceId));

        chat.Type("my printer won't print");
        await chat.Expect("approve? ", l => l.EndsWith("[y/N]"));
        chat.Type("y");
        await chat.Expect("approve? ", l => l.Contains("[restart_spooler]"));
        chat.Type("y");
        await chat.Expect("system> restart_spooler: done");
        Assert.Single(agent.Platform.Remediations);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // Unix sockets, uids and signals: the project tests on Linux
    public async Task The_chat_process_finds_a_service_agent_on_the_shared_socket_and_status_reports_it()
    {
        var shared = Path.Combine(ChatPeerTests.TempFolder(), "run", "agent.sock");
        var settings = RunningAgent.SettingsFor(server.BaseUri, await server.NewEnrollmentTokenAsync()) with { SharedSocketPath = shared };
        await using var agent = await RunningAgent.StartAsync(settings);
        await Eventually.True(() => agent.Connection.Connected, "the agent connected");
        var elsewhere = Path.Combine(ChatPeerTests.TempFolder(), "data"); // the user's view: no agent in this data folder

        using var chat = AgentProcess.Start("chat", "--data-dir", elsewhere, "--socket-path", shared);
        await chat.Expect("system> Connected to the Pocket IT agent");
        chat.CloseInput();
        Assert.Equal(0, await chat.ExitCodeAsync());

        using var status = AgentProcess.Start("status", "--data-dir", elsewhere, "--socket-path", shared);
        Assert.Equal(0, await status.ExitCodeAsync());
        await status.Expect("enrolled: yes (device " + agent.DeviceId);
        await status.Expect("connected: yes");
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // Unix sockets, uids and signals: the project tests on Linux
    public async Task Another_account_without_a_session_is_refused_and_the_agents_own_account_is_not()
    {
        var folder = ChatPeerTests.TempFolder();
        File.SetUnixFileMode(folder, SharedChatSocket.FolderMode); // other accounts must reach the socket inside
        var shared = Path.Combine(folder, "run", "agent.sock");
        await using var chatServer = await StartServerAsync(folder, shared, new ChatBoard(), LocalChatServer.AuthoriseBySession);
        var elsewhere = Path.Combine(folder, "nodata");

        if (UnixAccount.IsRoot)
        {
            // As root the test can be another user: nobody, who has no session (/run/user/65534) here.
            Assert.DoesNotContain(AgentProcess.NobodyUid, SessionUsers.Current());
            // The installed appsettings.json may be root-only (it holds the token): chat must still start.
            var config = Path.Combine(folder, "config");
            Directory.CreateDirectory(config);
            File.WriteAllText(Path.Combine(config, "appsettings.json"), "{}");
            File.SetUnixFileMode(Path.Combine(config, "appsettings.json"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
            using var stranger = AgentProcess.StartAsNobody("chat", "--config-dir", config, "--socket-path", shared);
            Assert.Equal(ChatCommand.ExitRefused, await stranger.ExitCodeAsync());
            var line = await stranger.Expect("system> The Pocket IT agent only chats with the person signed in");
            Assert.Contains($"uid {AgentProcess.NobodyUid}", line);
            Assert.DoesNotContain(stranger.Lines, l => l.StartsWith("system> Connected", StringComparison.Ordinal));

            using var status = AgentProcess.StartAsNobody("status", "--config-dir", config, "--socket-path", shared);
            Assert.Equal(1, await status.ExitCodeAsync());
            await status.Expect("running: yes (The Pocket IT agent only chats with the person signed in");
        }

        using var own = AgentProcess.Start("chat", "--data-dir", elsewhere, "--socket-path", shared);
        await own.Expect("system> Connected to the Pocket IT agent (device device-under-test");
        own.CloseInput();
        Assert.Equal(0, await own.ExitCodeAsync());
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // Unix sockets, uids and signals: the project tests on Linux
    public async Task A_refused_account_sees_one_line_and_no_chat_traffic()
    {
        var folder = ChatPeerTests.TempFolder();
        var shared = Path.Combine(folder, "run", "agent.sock");
        var board = new ChatBoard();
        board.Publish(LocalMessage.Line("assistant", "an earlier conversation"));
        uint? seen = null;
        await using var chatServer = await StartServerAsync(folder, shared, board, peer => { seen = peer; return ChatPeerPolicy.Decide(peer, 0, new HashSet<uint>()) with { Allowed = false }; });

        await using var chat = ScriptedChat.Start([shared]);
        Assert.Equal(ChatCommand.ExitRefused, await chat.Exit.WaitAsync(TimeSpan.FromSeconds(10)));
        var line = Assert.Single(chat.Lines);
        Assert.StartsWith("system> The Pocket IT agent only chats with the person signed in", line);
        Assert.Equal(UnixAccount.EffectiveUid(), seen);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // Unix sockets, uids and signals: the project tests on Linux
    public async Task A_stale_shared_socket_is_replaced_and_a_live_one_means_another_agent()
    {
        var folder = ChatPeerTests.TempFolder();
        var shared = Path.Combine(folder, "run", "agent.sock");
        Directory.CreateDirectory(Path.GetDirectoryName(shared)!);
        File.WriteAllText(shared, "left behind");

        await using (var first = await StartServerAsync(folder, shared, new ChatBoard(), LocalChatServer.AuthoriseBySession))
        {
            Assert.True(LocalChatClient.IsListening(shared));
            var second = NewServer(Path.Combine(folder, "data2"), shared, new ChatBoard(), LocalChatServer.AuthoriseBySession);
            var refused = Assert.Throws<InvalidOperationException>(second.Bind);
            Assert.Contains("Another pocketit-agent", refused.Message);
        }
        Assert.False(File.Exists(shared)); // removed when the agent stops
    }

    [Fact]
    public void Only_an_agent_running_as_root_offers_the_shared_socket_unless_configured()
    {
        var config = Path.Combine(Path.GetTempPath(), "cfg");
        Assert.Equal(SharedChatSocket.DefaultPath(), AgentSettingsLoader.SharedSocketPath(null, config, agentIsRoot: true));
        Assert.Null(AgentSettingsLoader.SharedSocketPath(null, config, agentIsRoot: false));
        Assert.Null(AgentSettingsLoader.SharedSocketPath("off", config, agentIsRoot: true));
        Assert.Equal(Path.Combine(config, "chat.sock"), AgentSettingsLoader.SharedSocketPath("chat.sock", config, agentIsRoot: false));
        Assert.Equal("/srv/x.sock", AgentSettingsLoader.SharedSocketPath("/srv/x.sock", config, agentIsRoot: false));
    }

    [Fact]
    public void The_chat_command_tries_the_data_folder_socket_first_then_the_shared_one()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "pit-order", "data");
        var paths = AgentSettingsLoader.ChatSocketsToTry(CommandLine.Parse(["chat", "--data-dir", dataDir, "--socket-path", "/srv/x.sock"]), Path.GetTempPath());
        Assert.Equal([ChatSocketPath.For(dataDir), "/srv/x.sock"], paths);
        var none = AgentSettingsLoader.ChatSocketsToTry(CommandLine.Parse(["chat", "--data-dir", dataDir, "--socket-path", "off"]), Path.GetTempPath());
        Assert.Equal([ChatSocketPath.For(dataDir)], none);
    }

    private static LocalChatServer NewServer(string dataDir, string shared, ChatBoard board, Func<uint?, PeerVerdict> authorise) =>
        new(ChatSocketPath.For(dataDir), shared, board, new ApprovalBroker(TimeSpan.FromSeconds(30), NullLogger<ApprovalBroker>.Instance),
            new OfflineLink(), NullLogger<LocalChatServer>.Instance, authorise);

    private static async Task<StartedServer> StartServerAsync(string folder, string shared, ChatBoard board, Func<uint?, PeerVerdict> authorise)
    {
        var chatServer = NewServer(Path.Combine(folder, "data"), shared, board, authorise);
        chatServer.Bind();
        await chatServer.StartAsync(CancellationToken.None);
        return new StartedServer(chatServer, folder);
    }

    private sealed class StartedServer(LocalChatServer chatServer, string folder) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await chatServer.StopAsync(CancellationToken.None);
            chatServer.Dispose();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private sealed class OfflineLink : IServerLink
    {
        public string? DeviceId => "device-under-test";
        public bool Connected => false;
        public Task<bool> SendChatAsync(string content, CancellationToken ct) => Task.FromResult(false);
    }
}
