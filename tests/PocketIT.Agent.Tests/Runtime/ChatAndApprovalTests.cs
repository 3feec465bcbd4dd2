using System.Text.Json;
using PocketIT.Agent.Approval;
using PocketIT.Agent.LocalChat;
using PocketIT.Agent.Tests.Runtime.Infrastructure;

namespace PocketIT.Agent.Tests.Runtime;

/// <summary>
/// The chat command on the agent's local socket, against the real server and its built-in assistant, and the
/// approval rules for what the server asks the device to do.
/// </summary>
public sealed class ChatAndApprovalTests(AgentTestServer server) : IClassFixture<AgentTestServer>
{
    private async Task<RunningAgent> OnlineAgentAsync(TimeSpan? approvalTimeout = null, ApprovalPolicy? policy = null)
    {
        var agent = await RunningAgent.StartAsync(RunningAgent.SettingsFor(server.BaseUri, await server.NewEnrollmentTokenAsync(), approvalTimeout), policy);
        await Eventually.True(() => agent.Connection.Connected, "the agent connected");
        // The connect-time checks go first, so they cannot answer the assistant's request in its place.
        await Eventually.True(() => agent.Platform.ChecksRun.Count >= agent.Platform.Checks.Count, "the connect-time checks");
        return agent;
    }

    [Fact]
    public async Task The_printer_conversation_asks_before_the_check_and_the_fix_and_reports_the_outcome()
    {
        await using var agent = await OnlineAgentAsync();
        await using var chat = agent.Chat();
        await chat.Expect("system> Connected to the Pocket IT agent");

        chat.Type("my printer won't print");
        await chat.Expect("you> my printer won't print");
        await chat.Expect("assistant> ");
        await chat.Expect("approve? ", l => l.Contains("'services' health check") && l.EndsWith("[y/N]"));
        chat.Type("y");
        await chat.Expect("assistant> ", l => l.Contains("print spooler"));
        await chat.Expect("approve? ", l => l.Contains("[restart_spooler]"));
        Assert.Empty(agent.Platform.Remediations);
        chat.Type("y");
        await chat.Expect("system> restart_spooler: done: fake restart_spooler completed");

        Assert.Equal([("restart_spooler", (string?)null)], agent.Platform.Remediations.ToArray());
        var audit = await Eventually.Get(async () => (await server.AuditAsync(agent.DeviceId, "remediation_executed")).FirstOrDefault(),
            "the remediation audited by the server");
        Assert.True(JsonDocument.Parse(audit.Details!).RootElement.GetProperty("success").GetBoolean());

        chat.EndInput();
        Assert.Equal(0, await chat.Exit.WaitAsync(TimeSpan.FromSeconds(10)));

        // A later chat is shown the conversation so far, then the greeting that marks the live part.
        await using var later = agent.Chat();
        await later.Expect("system> Connected to the Pocket IT agent");
        var lines = later.Lines.ToList();
        var greeting = lines.FindIndex(l => l.StartsWith("system> Connected to the Pocket IT agent"));
        Assert.InRange(lines.IndexOf("you> my printer won't print"), 0, greeting - 1);
        Assert.DoesNotContain(lines, l => l.StartsWith("approve? "));
    }

    [Fact]
    public async Task A_declined_remediation_is_not_run_and_reported_as_failed()
    {
        await using var agent = await OnlineAgentAsync();
        await using var chat = agent.Chat();
        await chat.Expect("system> Connected");

        await server.ToDeviceAsync(agent.DeviceId, "remediation_request", new { actionId = "flush_dns", requestId = "decline-1", parameter = (string?)null, autoApprove = true });
        await chat.Expect("approve? ", l => l.Contains("[flush_dns]"));
        chat.Type("n");
        await chat.Expect("system> flush_dns: not done: Not run: declined by the user.");

        var audit = await Eventually.Get(async () => (await server.AuditAsync(agent.DeviceId, "remediation_executed")).FirstOrDefault(),
            "the declined remediation reported");
        var details = JsonDocument.Parse(audit.Details!).RootElement;
        Assert.False(details.GetProperty("success").GetBoolean());
        Assert.Contains("declined", details.GetProperty("message").GetString());
        Assert.Empty(agent.Platform.Remediations);
    }

    [Fact]
    public async Task With_nobody_present_a_remediation_is_declined_after_the_timeout()
    {
        await using var agent = await OnlineAgentAsync(approvalTimeout: TimeSpan.FromMilliseconds(500));
        await server.ToDeviceAsync(agent.DeviceId, "remediation_request", new { actionId = "clear_temp", requestId = "nobody-1", parameter = (string?)null });

        var audit = await Eventually.Get(async () => (await server.AuditAsync(agent.DeviceId, "remediation_executed")).FirstOrDefault(),
            "the unattended remediation reported");
        var details = JsonDocument.Parse(audit.Details!).RootElement;
        Assert.False(details.GetProperty("success").GetBoolean());
        Assert.Contains("no user was present", details.GetProperty("message").GetString());
        Assert.Empty(agent.Platform.Remediations);
    }

    [Fact]
    public async Task The_policy_pre_approves_a_harmless_fix_but_not_the_servers_autoApprove_alone()
    {
        var policy = ApprovalPolicy.Parse("""{ "remediations": ["flush_dns"] }""");
        await using var agent = await OnlineAgentAsync(approvalTimeout: TimeSpan.FromMilliseconds(500), policy: policy);

        await server.ToDeviceAsync(agent.DeviceId, "remediation_request", new { actionId = "flush_dns", requestId = "policy-1", parameter = (string?)null });
        await server.ToDeviceAsync(agent.DeviceId, "remediation_request", new { actionId = "restart_spooler", requestId = "policy-2", parameter = (string?)null, autoApprove = true });

        var audits = await Eventually.Get(async () => await server.AuditAsync(agent.DeviceId, "remediation_executed") is { Count: 2 } rows ? rows : null,
            "both remediations reported");
        var results = audits.Select(a => JsonDocument.Parse(a.Details!).RootElement)
            .ToDictionary(d => d.GetProperty("requestId").GetString()!, d => d.GetProperty("success").GetBoolean());
        Assert.True(results["policy-1"]);
        Assert.False(results["policy-2"]);
        Assert.Equal([("flush_dns", (string?)null)], agent.Platform.Remediations.ToArray());
    }

    [Fact]
    public async Task Requests_outside_the_local_whitelist_are_refused_without_asking()
    {
        await using var agent = await OnlineAgentAsync();
        await using var chat = agent.Chat();
        await chat.Expect("system> Connected");

        await server.ToDeviceAsync(agent.DeviceId, "remediation_request", new { actionId = "format_disk", requestId = "wl-1", parameter = (string?)null });
        await server.ToDeviceAsync(agent.DeviceId, "remediation_request", new { actionId = "restart_service", requestId = "wl-2", parameter = "windefend" });
        await server.ToDeviceAsync(agent.DeviceId, "remediation_request", new { actionId = "kill_process", requestId = "wl-3", parameter = "-4" });

        var audits = await Eventually.Get(async () => await server.AuditAsync(agent.DeviceId, "remediation_executed") is { Count: 3 } rows ? rows : null,
            "three refusals reported");
        Assert.All(audits, a =>
        {
            var d = JsonDocument.Parse(a.Details!).RootElement;
            Assert.False(d.GetProperty("success").GetBoolean());
            Assert.StartsWith("Refused by the device", d.GetProperty("message").GetString());
        });
        Assert.DoesNotContain(chat.Lines, l => l.StartsWith("approve? "));
        Assert.Empty(agent.Platform.Remediations);
    }

    [Fact]
    public async Task A_screenshot_is_taken_only_after_the_user_agrees()
    {
        await using var agent = await OnlineAgentAsync();
        await using var chat = agent.Chat();
        await chat.Expect("system> Connected");

        await server.ToDeviceAsync(agent.DeviceId, "screenshot_request", new { requestId = "shot-1", reason = "see the error\u001b[2J" });
        var prompt = await chat.Expect("approve? ", l => l.Contains("screenshot"));
        Assert.DoesNotContain('\u001b', prompt);
        chat.Type("no");
        await chat.Expect("system> No screenshot sent: declined by the user.");
        Assert.Equal(0, agent.Platform.ScreenshotsTaken);

        await server.ToDeviceAsync(agent.DeviceId, "screenshot_request", new { requestId = "shot-2" });
        await chat.Expect("approve? ", l => l.Contains("screenshot"));
        chat.Type("yes");
        await chat.Expect("system> Screenshot sent to IT.");
        Assert.Equal(1, agent.Platform.ScreenshotsTaken);
        var audits = await Eventually.Get(async () => await server.AuditAsync(agent.DeviceId, "screenshot_completed") is { Count: 2 } rows ? rows : null,
            "both screenshot answers reported");
        Assert.Equal([false, true], audits.OrderBy(a => a.Id).Select(a => JsonDocument.Parse(a.Details!).RootElement.GetProperty("approved").GetBoolean()));
    }

    [Fact]
    public async Task IT_diagnostics_run_silently_and_the_assistants_run_without_asking_only_under_the_policy()
    {
        var policy = ApprovalPolicy.Parse("""{ "aiDiagnostics": true }""");
        await using var agent = await OnlineAgentAsync(policy: policy);
        await using var chat = agent.Chat();
        await chat.Expect("system> Connected");
        var before = agent.Platform.ChecksRun.Count;

        await server.ToDeviceAsync(agent.DeviceId, "diagnostic_request", new { checkType = "all", requestId = "it-1", itInitiated = true });
        await Eventually.True(() => agent.Platform.ChecksRun.Count >= before + agent.Platform.Checks.Count, "every check run for IT");
        await server.ToDeviceAsync(agent.DeviceId, "diagnostic_request", new { checkType = "cpu", requestId = "ai-1" });
        await chat.Expect("system> Ran the 'cpu' health check");
        Assert.DoesNotContain(chat.Lines, l => l.StartsWith("approve? "));
    }

    [Fact]
    public async Task System_tools_run_only_from_the_local_whitelist()
    {
        await using var agent = await OnlineAgentAsync();
        await server.ToDeviceAsync(agent.DeviceId, "system_tool_request", new { requestId = "tool-1", tool = "format_disk", @params = new { } });
        await server.ToDeviceAsync(agent.DeviceId, "system_tool_request", new { requestId = "tool-2", tool = "service_action", @params = new { serviceName = "WinDefend", action = "stop" } });
        await server.ToDeviceAsync(agent.DeviceId, "system_tool_request", new { requestId = "tool-3", tool = "process_list", @params = new { } });
        await Eventually.True(() => agent.Platform.ToolsRun.Contains("process_list"), "the allowed tool run");
        Assert.Equal(["process_list"], agent.Platform.ToolsRun.ToArray());
    }

    [Fact]
    public async Task The_chat_command_says_so_when_no_agent_is_running()
    {
        var output = new StringWriter();
        var code = await new ChatCommand(new StringReader(""), output).RunAsync(Path.Combine(Path.GetTempPath(), "no-agent-" + Guid.NewGuid().ToString("N"), "agent.sock"), CancellationToken.None);
        Assert.Equal(ChatCommand.ExitNoAgent, code);
        Assert.StartsWith("system> The Pocket IT agent is not running", output.ToString());
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // Unix sockets, uids and signals: the project tests on Linux
    public async Task The_chat_socket_is_only_for_the_agents_user()
    {
        await using var agent = await OnlineAgentAsync();
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            File.GetUnixFileMode(Path.GetDirectoryName(agent.SocketPath)!));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(agent.SocketPath));
    }
}
