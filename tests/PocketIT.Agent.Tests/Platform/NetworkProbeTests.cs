using System.Diagnostics;
using PocketIT.Agent.Platform;

namespace PocketIT.Agent.Tests.Platform;

public class NetworkProbeTests
{
    [Fact]
    public async Task Targets_that_never_answer_give_an_honest_error_quickly()
    {
        // TEST-NET-3 addresses are never routed; .invalid names never resolve (RFC 5737, RFC 6761).
        var clock = Stopwatch.StartNew();
        var outcome = await NetworkProbe.RunAsync("203.0.113.1", [("203.0.113.1", 53), ("203.0.113.2", 443)], "pocketit-probe.invalid", CancellationToken.None);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal("error", outcome.Status);
        Assert.False(outcome.Results["internetReachable"]!.GetValue<bool>());
        Assert.False(outcome.Results["dnsWorking"]!.GetValue<bool>());
        Assert.Null(outcome.Results["pingMs"]);
        Assert.False(string.IsNullOrEmpty(outcome.Results["reachError"]?.GetValue<string>()));
        Assert.Equal("Offline", outcome.Value);
    }

    [Fact]
    public void Dns_over_tcp_query_is_framed_and_answers_are_matched_by_id()
    {
        var query = DnsTcpQuery.Build(0x1234, "dns.google");
        // length prefix, id, flags (RD), 1 question, 3dns6google0, type A, class IN
        Assert.Equal(query.Length - 2, (query[0] << 8) | query[1]);
        Assert.Equal(new byte[] { 0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0 }, query[2..14]);
        Assert.Equal(new byte[] { 3, (byte)'d', (byte)'n', (byte)'s', 6, (byte)'g', (byte)'o', (byte)'o', (byte)'g', (byte)'l', (byte)'e', 0, 0, 1, 0, 1 }, query[14..]);

        var answer = new byte[] { 0x12, 0x34, 0x81, 0x80, 0, 1, 0, 1, 0, 0, 0, 0 };
        Assert.True(DnsTcpQuery.IsAnswerTo(answer, 0x1234));
        Assert.False(DnsTcpQuery.IsAnswerTo(answer, 0x1235));
        Assert.False(DnsTcpQuery.IsAnswerTo(query.AsSpan(2), 0x1234)); // a query echoed back is not an answer
        Assert.False(DnsTcpQuery.IsAnswerTo(answer.AsSpan(0, 6), 0x1234));
    }
}
