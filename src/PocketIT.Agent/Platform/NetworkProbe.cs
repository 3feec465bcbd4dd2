using System.Diagnostics;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace PocketIT.Agent.Platform;

/// <summary>
/// The network check (notes §7): reach 8.8.8.8 within 3 s and resolve a name. ICMP may need privileges or a ping
/// binary that is missing, so a failed ping falls back to a DNS question over TCP to 8.8.8.8:53 (then 1.1.1.1:53),
/// timed from connect to answer, and the result says which method answered. Everything is time-boxed so an offline machine gets an honest <c>error</c> in a few seconds.
/// </summary>
public static class NetworkProbe
{
    public static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(3);
    private const string PingTarget = "8.8.8.8";
    private static readonly (string Host, int Port)[] TcpTargets = [("8.8.8.8", 53), ("1.1.1.1", 53)];
    private const string DnsName = "dns.google";

    public static Task<DiagnosticOutcome> RunAsync(CancellationToken ct) => RunAsync(PingTarget, TcpTargets, DnsName, ct);

    /// <summary>The same probe against other targets, so tests can aim it at addresses that never answer.</summary>
    internal static async Task<DiagnosticOutcome> RunAsync(string pingTarget, (string Host, int Port)[] tcpTargets, string dnsName, CancellationToken ct)
    {
        var dns = ResolveAsync(dnsName, ct);
        var reach = ReachAsync(pingTarget, tcpTargets, ct);
        await Task.WhenAll(dns, reach);
        var (reachable, ms, method, reachError) = reach.Result;
        var (dnsWorking, dnsError) = dns.Result;
        var status = Thresholds.Network(reachable, ms, dnsWorking);
        var results = new JsonObject
        {
            ["internetReachable"] = reachable,
            ["pingMs"] = ms is null ? null : Units.Round(ms.Value),
            ["dnsWorking"] = dnsWorking,
            ["adapterStatus"] = NetworkAdapters.Summary(),
            ["method"] = method,
            ["target"] = pingTarget,
        };
        if (reachError is not null) results["reachError"] = reachError;
        if (dnsError is not null) results["dnsError"] = dnsError;
        return new DiagnosticOutcome(status, results, "Network", reachable ? $"{Units.Round(ms ?? 0)} ms" : "Offline");
    }

    private static async Task<(bool Reachable, double? Ms, string Method, string? Error)> ReachAsync(string pingTarget, (string Host, int Port)[] tcpTargets, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        string? pingError;
        try
        {
            using var ping = new Ping();
            var reply = await ping.SendPingAsync(IPAddress.Parse(pingTarget), ReplyTimeout, cancellationToken: ct);
            if (reply.Status == IPStatus.Success) return (true, reply.RoundtripTime, "icmp", null);
            pingError = $"ping: {reply.Status}";
        }
        catch (Exception e) when (e is PingException or PlatformNotSupportedException or InvalidOperationException or SocketException)
        {
            pingError = "ping: " + (e.InnerException?.Message ?? e.Message);
        }

        var errors = new List<string> { pingError };
        foreach (var (host, port) in tcpTargets)
        {
            var (ok, ms, error) = await TcpConnectAsync(host, port, ct);
            if (ok) return (true, ms, $"dns-over-tcp {host}:{port}", pingError);
            errors.Add($"dns-over-tcp {host}:{port}: {error}");
            // Stay well inside the check's 10 s budget: no second attempt once 4 s are spent.
            if (clock.Elapsed > TimeSpan.FromSeconds(4)) break;
        }
        return (false, null, "icmp, then dns-over-tcp", string.Join("; ", errors));
    }

    /// <summary>Connects and asks the server one DNS question; only an answer with our id counts as reaching it.</summary>
    private static async Task<(bool Ok, double Ms, string? Error)> TcpConnectAsync(string host, int port, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ReplyTimeout);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var clock = Stopwatch.StartNew();
        try
        {
            await socket.ConnectAsync(IPAddress.Parse(host), port, timeout.Token);
            var id = (ushort)Random.Shared.Next(1, ushort.MaxValue);
            await socket.SendAsync(DnsTcpQuery.Build(id, DnsName), SocketFlags.None, timeout.Token);
            var length = new byte[2];
            if (!await ReadExactlyAsync(socket, length, timeout.Token)) return (false, 0, "connected, but no DNS answer");
            var response = new byte[System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(length)];
            if (!await ReadExactlyAsync(socket, response, timeout.Token) || !DnsTcpQuery.IsAnswerTo(response, id))
                return (false, 0, "connected, but no valid DNS answer");
            return (true, clock.Elapsed.TotalMilliseconds, null);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested) { return (false, 0, "timed out"); }
        catch (SocketException e) { return (false, 0, e.SocketErrorCode.ToString()); }
    }

    private static async Task<bool> ReadExactlyAsync(Socket socket, byte[] buffer, CancellationToken ct)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None, ct);
            if (n == 0) return false;
            read += n;
        }
        return true;
    }

    private static async Task<(bool Working, string? Error)> ResolveAsync(string dnsName, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ReplyTimeout);
        try
        {
            // The resolver may ignore cancellation while blocked, so race it against the clock as well.
            var lookup = Dns.GetHostAddressesAsync(dnsName, timeout.Token);
            var finished = await Task.WhenAny(lookup, Task.Delay(ReplyTimeout + TimeSpan.FromMilliseconds(200), ct));
            if (finished != lookup) { _ = lookup.ContinueWith(t => t.Exception, TaskScheduler.Default); return (false, "dns: timed out"); }
            var addresses = await lookup;
            return addresses.Length > 0 ? (true, null) : (false, "dns: no addresses");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested) { return (false, "dns: timed out"); }
        catch (SocketException e) { return (false, "dns: " + e.SocketErrorCode); }
    }
}
