using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using PocketIT.Agent.Approval;
using PocketIT.Agent.Tests.Runtime.Infrastructure;

namespace PocketIT.Agent.Tests.Runtime;

public sealed class TerminalApprovalsTests
{
    [Fact]
    public async Task The_agents_own_terminal_asks_one_question_at_a_time_and_reads_the_answers()
    {
        var broker = new ApprovalBroker(TimeSpan.FromSeconds(20), NullLogger<ApprovalBroker>.Instance);
        using var typing = new TypedLines();
        var output = new StringWriter();
        new TerminalApprovals(broker, typing, output).Start();

        var first = broker.AskAsync("Flush DNS?", CancellationToken.None);
        var second = broker.AskAsync("Clear temp \u001b[31mfiles?", CancellationToken.None);
        await Eventually.True(() => output.ToString().Contains("approve? Flush DNS? [y/N]"), "the first question");
        Assert.DoesNotContain("Clear temp", output.ToString());

        typing.Type("y");
        Assert.True((await first).Approved);
        await Eventually.True(() => output.ToString().Contains("approve? Clear temp files? [y/N]"), "the second question, cleaned");
        typing.Type("");
        Assert.False((await second).Approved);
        typing.End();
    }

    /// <summary>A terminal's stdin: ReadLine blocks until a line is typed or input ends.</summary>
    private sealed class TypedLines : TextReader
    {
        private readonly BlockingCollection<string?> _lines = new();
        public void Type(string line) => _lines.Add(line);
        public void End() => _lines.Add(null);
        public override string? ReadLine() => _lines.Take();
        protected override void Dispose(bool disposing)
        {
            if (disposing) End();
            base.Dispose(disposing);
        }
    }
}
