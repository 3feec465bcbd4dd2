using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using PocketIT.Agent.Approval;
using PocketIT.Agent.Configuration;
using PocketIT.Agent.Connection;

namespace PocketIT.Agent.Tests.Runtime;

public sealed class ApprovalTests
{
    [Fact]
    public void The_policy_pre_approves_only_harmless_fixes()
    {
        var policy = ApprovalPolicy.Parse("""
            // comments are allowed
            { "remediations": ["flush_dns", "CLEAR_TEMP", "restart_spooler", "kill_process"], "aiDiagnostics": true, }
            """);
        Assert.True(policy.PreApprovesRemediation("flush_dns"));
        Assert.True(policy.PreApprovesRemediation("clear_temp"));
        Assert.False(policy.PreApprovesRemediation("restart_spooler"));
        Assert.False(policy.PreApprovesRemediation("clear_browser_cache"));
        Assert.True(policy.AiDiagnostics);
        Assert.Equal(["restart_spooler", "kill_process"], policy.Ignored);
    }

    [Fact]
    public void No_policy_file_asks_for_everything_and_a_broken_one_is_an_error()
    {
        var missing = ApprovalPolicy.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".json"));
        Assert.False(missing.AiDiagnostics);
        Assert.Empty(missing.Remediations);
        Assert.False(ApprovalPolicy.Parse("{}").AiDiagnostics);

        var broken = Path.GetTempFileName();
        File.WriteAllText(broken, "{ \"remediations\": 5 }");
        try { Assert.Throws<ConfigurationException>(() => ApprovalPolicy.Load(broken)); }
        finally { File.Delete(broken); }
    }

    [Theory]
    [InlineData("format_disk", null, "not in this device's list")]
    [InlineData(null, null, "not in this device's list")]
    [InlineData("restart_service", "windefend", "may not be restarted")]
    [InlineData("restart_service", "sshd", "may not be restarted")]
    [InlineData("restart_service", null, "may not be restarted")]
    [InlineData("kill_process", "-3", "positive process id")]
    [InlineData("kill_process", "0", "positive process id")]
    [InlineData("kill_process", "12; rm -rf /", "positive process id")]
    [InlineData("kill_process", "notepad", "positive process id")]
    public void Remediations_outside_the_local_whitelist_are_refused(string? actionId, string? parameter, string reason) =>
        Assert.Contains(reason, LocalWhitelist.RefuseRemediation(actionId, parameter));

    [Theory]
    [InlineData("flush_dns", null, null)]
    [InlineData("flush_dns", "ignored", null)]
    [InlineData("restart_service", " Spooler ", "spooler")]
    [InlineData("kill_process", "4242", "4242")]
    public void Whitelisted_remediations_pass_with_a_clean_parameter(string actionId, string? parameter, string? expected)
    {
        Assert.Null(LocalWhitelist.RefuseRemediation(actionId, parameter));
        Assert.Equal(expected, LocalWhitelist.ParameterFor(actionId, parameter));
    }

    [Fact]
    public void The_agent_will_not_kill_itself() =>
        Assert.NotNull(LocalWhitelist.RefuseRemediation("kill_process", Environment.ProcessId.ToString()));

    [Theory]
    [InlineData("rm_rf", "{}", false)]
    [InlineData("process_list", "{}", true)]
    [InlineData("process_kill", """{"pid":77}""", true)]
    [InlineData("process_kill", """{"pid":-1}""", false)]
    [InlineData("process_kill", """{"pid":"77"}""", false)]
    [InlineData("service_action", """{"serviceName":"WinDefend","action":"stop"}""", false)]
    [InlineData("service_action", """{"serviceName":"WinDefend","action":"start"}""", true)]
    [InlineData("service_action", """{"serviceName":"spooler","action":"delete"}""", false)]
    [InlineData("service_list", "[]", false)]
    public void System_tools_are_checked_locally(string tool, string parameters, bool allowed) =>
        Assert.Equal(allowed, LocalWhitelist.RefuseTool(tool, JsonDocument.Parse(parameters).RootElement) is null);

    [Fact]
    public void Untrusted_text_loses_escape_sequences_and_control_characters()
    {
        Assert.Equal("redgone", TerminalText.Line("\u001b[31mred\u001b[0m\u001b]0;title\u0007gone"));
        Assert.Equal("a b", TerminalText.Line("a\nb"));
        Assert.Equal("a\nb", TerminalText.Lines("a\r\nb"));
        Assert.Equal("safeevil", TerminalText.Line("safe\u202eevil\u0000\u0008"));
        Assert.Equal("x", TerminalText.Line("x\u001b"));
        Assert.Equal("", TerminalText.Line(null));
    }

    [Fact]
    public async Task The_first_answer_wins_and_every_surface_closes_the_question()
    {
        var broker = new ApprovalBroker(TimeSpan.FromSeconds(30), NullLogger<ApprovalBroker>.Instance);
        var one = new RecordingSurface();
        var two = new RecordingSurface();
        broker.AddSurface(one);
        var asking = broker.AskAsync("Restart \u001b[2Jthe spooler?", CancellationToken.None);
        Assert.Equal("Restart the spooler?", Assert.Single(one.Shown).Question);

        broker.AddSurface(two); // a chat attached while the question was pending is asked too
        var id = Assert.Single(two.Shown).Id;
        Assert.True(broker.Answer(id, approved: true));
        Assert.False(broker.Answer(id, approved: false));

        var decision = await asking;
        Assert.True(decision.Approved);
        Assert.Equal([(id, true)], one.ClosedIds);
        Assert.Equal([(id, true)], two.ClosedIds);
        Assert.Equal(0, broker.PendingCount);
    }

    [Fact]
    public async Task Unanswered_questions_expire_as_declined_and_say_why()
    {
        var broker = new ApprovalBroker(TimeSpan.FromMilliseconds(100), NullLogger<ApprovalBroker>.Instance);
        var nobody = await broker.AskAsync("anything?", CancellationToken.None);
        Assert.False(nobody.Approved);
        Assert.Contains("no user was present", nobody.Reason);

        var away = new RecordingSurface();
        broker.AddSurface(away);
        var ignored = await broker.AskAsync("anything?", CancellationToken.None);
        Assert.False(ignored.Approved);
        Assert.Contains("did not answer", ignored.Reason);
        Assert.False(Assert.Single(away.ClosedIds).Approved);
    }

    [Fact]
    public void Prompts_are_shown_one_at_a_time()
    {
        var queue = new PromptQueue();
        Assert.True(queue.Add("a", "first"));
        Assert.False(queue.Add("b", "second"));
        Assert.Null(queue.Remove("b", out var wasHead));
        Assert.False(wasHead);
        Assert.True(queue.Add("c", "third") is false);
        Assert.Equal("c", queue.Remove("a", out wasHead)!.Value.Id);
        Assert.True(wasHead);
        Assert.True(PromptQueue.IsYes(" Y "));
        Assert.True(PromptQueue.IsYes("yes"));
        Assert.False(PromptQueue.IsYes("yep"));
        Assert.False(PromptQueue.IsYes(""));
        Assert.Equal("approve? Do it [y/N]", PromptQueue.Format("Do it"));
    }

    private sealed class RecordingSurface : IApprovalSurface
    {
        public List<(string Id, string Question)> Shown { get; } = [];
        public List<(string Id, bool Approved)> ClosedIds { get; } = [];
        public void Show(string id, string question) { lock (Shown) Shown.Add((id, question)); }
        public void Closed(string id, bool approved) { lock (ClosedIds) ClosedIds.Add((id, approved)); }
    }
}
