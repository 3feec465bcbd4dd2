using PocketIT.Agent.LocalChat;
using PocketIT.Agent.Tests.Runtime.Infrastructure;

namespace PocketIT.Agent.Tests.Runtime;

/// <summary><c>pocketit-agent chat</c> and <c>status</c> as separate processes on pipes, against an agent with a fake platform.</summary>
public sealed class ChatProcessTests(AgentTestServer server) : IClassFixture<AgentTestServer>
{
    [Fact]
    public async Task The_chat_process_can_be_driven_line_by_line_and_exits_on_end_of_input()
    {
        await using var agent = await RunningAgent.StartAsync(RunningAgent.SettingsFor(server.BaseUri, await server.NewEnrollmentTokenAsync()));
        await Eventually.True(() => agent.Connection.Connected, "the agent connected");
        await Eventually.True(() => agent.Platform.ChecksRun.Count >= agent.Platform.Checks.Count, "the connect-time checks");

        using var chat = AgentProcess.Start("chat", "--data-dir", agent.Settings.DataDir);
        await chat.Expect("system> Connected to the Pocket IT agent");
        chat.Type("my printer won't print");
        await chat.Expect("assistant> ", l => l.Contains("services"));
        await chat.Expect("approve? ", l => l.EndsWith("[y/N]"));
        chat.Type("y");
        await chat.Expect("approve? ", l => l.Contains("[restart_spooler]"));
        chat.Type("y");
        await chat.Expect("system> restart_spooler: done");
        chat.CloseInput();
        Assert.Equal(0, await chat.ExitCodeAsync());
        Assert.Single(agent.Platform.Remediations);

        using var status = AgentProcess.Start("status", "--data-dir", agent.Settings.DataDir);
        Assert.Equal(0, await status.ExitCodeAsync());
        await status.Expect("enrolled: yes");
        await status.Expect("connected: yes");
    }

    [Fact]
    public async Task A_script_can_pipe_its_message_and_answers_ahead_and_still_sees_the_outcome()
    {
        await using var agent = await RunningAgent.StartAsync(RunningAgent.SettingsFor(server.BaseUri, await server.NewEnrollmentTokenAsync()));
        await Eventually.True(() => agent.Connection.Connected, "the agent connected");
        await Eventually.True(() => agent.Platform.ChecksRun.Count >= agent.Platform.Checks.Count, "the connect-time checks");

        using var chat = AgentProcess.Start("chat", "--data-dir", agent.Settings.DataDir);
        chat.Type("my printer won't print");
        chat.Type("y");
        chat.Type("y");
        chat.CloseInput();
        Assert.Equal(0, await chat.ExitCodeAsync());
        await chat.Expect("system> restart_spooler: done");
        Assert.Equal(2, chat.Lines.Count(l => l.StartsWith("approve? ")));
        Assert.DoesNotContain(chat.Lines, l => l == "you> y");
        Assert.Single(agent.Platform.Remediations);
    }

    [Fact]
    public async Task Without_a_running_agent_chat_and_status_say_so()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "pit-none-" + Guid.NewGuid().ToString("N")[..8]);
        using var chat = AgentProcess.Start("chat", "--data-dir", dataDir);
        Assert.Equal(ChatCommand.ExitNoAgent, await chat.ExitCodeAsync());
        await chat.Expect("system> The Pocket IT agent is not running");

        using var status = AgentProcess.Start("status", "--data-dir", dataDir);
        Assert.Equal(1, await status.ExitCodeAsync());
        await status.Expect("running: no");
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // Unix sockets, uids and signals: the project tests on Linux
    public async Task The_agent_process_stops_cleanly_on_SIGTERM()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "pit-term-" + Guid.NewGuid().ToString("N")[..8], "data");
        // An unreachable server keeps it enrolling; no shared socket, so a test run as root leaves /run alone.
        using var agent = AgentProcess.Start("--server-url", "http://127.0.0.1:9", "--enroll-token", "t", "--data-dir", dataDir, "--socket-path", "off");
        await agent.Expect("", l => l.Contains("Enrolling device", StringComparison.Ordinal)); // the host is running
        agent.Terminate();
        Assert.Equal(0, await agent.ExitCodeAsync());
        Assert.DoesNotContain(agent.Lines, l => l.Contains("Unhandled exception", StringComparison.Ordinal));
        Assert.False(File.Exists(ChatSocketPath.For(dataDir)));
    }

    [Fact]
    public async Task Bad_configuration_exits_non_zero_with_a_message()
    {
        using var agent = AgentProcess.Start("--server-url", "not-a-url", "--data-dir", Path.Combine(Path.GetTempPath(), "pit-bad"));
        Assert.Equal(2, await agent.ExitCodeAsync());
        await agent.Expect("(stderr) pocketit-agent: Server:Url must be an absolute http:// or https:// URL");
    }
}
