using System.Text.Json;
using Microsoft.Extensions.AI;
using PocketIT.Server.Assistant;
using PocketIT.Server.Assistant.Builtin;

namespace PocketIT.Server.Tests.Assistant;

public sealed class BuiltinAssistantTests
{
    private static readonly string System = SystemPrompt.Build("Casey", new DeviceContext("d", "PC", null, null, null, null, null), DateTimeOffset.UnixEpoch);

    private static ParsedReply Ask(string userText, bool introduced = true, string? feedback = null)
    {
        var messages = new List<ChatMessage> { new(ChatRole.System, System) };
        if (introduced) messages.Add(new ChatMessage(ChatRole.Assistant, "Hi, I'm Casey."));
        messages.Add(new ChatMessage(ChatRole.User, UserMessage.Wrap(userText)));
        if (feedback is not null) messages.Add(new ChatMessage(ChatRole.User, feedback));
        return ActionTagParser.Parse(BuiltinAssistant.Reply(messages));
    }

    private static string Results(string checkType, string status, object results) =>
        DiagnosticFeedback.Format(checkType, status, JsonSerializer.SerializeToElement(results));

    [Theory]
    [InlineData("my internet is slow", "network")]
    [InlineData("I have no internet at all", "network")]
    [InlineData("The printer won't print", "services")]
    [InlineData("my disk is full", "disk")]
    [InlineData("the computer is so slow today", "top_processes")]
    [InlineData("Word keeps crashing", "event_log")]
    public void Common_complaints_start_with_the_right_diagnostic(string complaint, string checkType)
    {
        var reply = Ask(complaint);
        Assert.Equal("diagnose", reply.Action!.Type);
        Assert.Equal(checkType, reply.Action.CheckType);
        Assert.NotEmpty(reply.Text);
    }

    [Fact]
    public void Password_problems_go_straight_to_a_ticket_with_the_users_words()
    {
        var reply = Ask("I forgot my password and I'm locked out");
        Assert.Equal("ticket", reply.Action!.Type);
        Assert.Equal("high", reply.Action.Priority);
        Assert.Contains("locked out", reply.Action.Description);
    }

    [Fact]
    public void Unknown_complaint_gets_a_question_and_no_action()
    {
        var reply = Ask("hmm");
        Assert.Null(reply.Action);
        Assert.Equal(BuiltinAssistant.Help, reply.Text);
    }

    [Fact]
    public void First_reply_introduces_the_agent_by_name()
    {
        Assert.StartsWith("Hi, I'm Casey", Ask("hello", introduced: false).Text);
        Assert.DoesNotContain("Casey", Ask("hello").Text);
    }

    [Theory]
    [InlineData("network", "warning", "flush_dns")]
    [InlineData("network", "error", "repair_network")]
    [InlineData("disk", "error", "clear_temp")]
    [InlineData("services", "ok", "restart_spooler")]
    [InlineData("event_log", "error", "sfc_scan")]
    public void Diagnostic_results_lead_to_a_remediation_proposal(string checkType, string status, string actionId)
    {
        var reply = Ask("problem", feedback: Results(checkType, status, new { }));
        Assert.Equal("remediate", reply.Action!.Type);
        Assert.Equal(actionId, reply.Action.ActionId);
    }

    [Fact]
    public void Healthy_network_results_lead_to_a_ticket_because_nothing_local_is_wrong()
    {
        var reply = Ask("my internet is slow", feedback: Results("network", "ok", new { internetReachable = true, pingMs = 20, dnsWorking = true }));
        Assert.Equal("ticket", reply.Action!.Type);
        Assert.Contains("20 ms", reply.Text);
        Assert.Contains("my internet is slow", reply.Action.Description);
    }

    [Fact]
    public void A_process_over_the_thresholds_is_proposed_for_closing_by_its_reported_pid()
    {
        var results = new { processes = new object[] { new { name = "calm", pid = 10, cpuPercent = 1, memoryMB = 100 }, new { name = "hog", pid = 4321, cpuPercent = 95, memoryMB = 300 } } };
        var reply = Ask("slow computer", feedback: Results("top_processes", "warning", results));
        Assert.Equal("kill_process", reply.Action!.ActionId);
        Assert.Equal("4321", reply.Action.Parameter);
    }

    [Fact]
    public void Same_conversation_always_gets_the_same_reply()
    {
        Assert.Equal(Ask("my internet is slow"), Ask("my internet is slow"));
    }
}
