using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PocketIT.Agent.Approval;
using PocketIT.Agent.Configuration;
using PocketIT.Agent.Identity;
using PocketIT.Agent.LocalChat;
using PocketIT.Agent.Platform;
using SocketIOClient;

namespace PocketIT.Agent.Connection;

/// <summary>
/// The agent's connection to <c>/agent</c> (notes §5): connects with the device's credentials, and once the
/// server greets it (<c>agent_info</c>) sends the profile and a silent round of checks, then heartbeats and
/// scheduled checks. When the connection drops it reconnects with <see cref="Backoff"/>, for as long as the
/// agent runs. Results produced while offline are kept (a few) and sent after the next connect.
/// </summary>
public sealed class ServerConnection(
    AgentSettings settings, IDevicePlatform platform, DiagnosticsRunner diagnostics, ServerRequests requests,
    ChatEvents chat, IChatDisplay display, HandshakeUser user, ILogger<ServerConnection> log) : IServerLink, IServerEmitter
{
    public static readonly TimeSpan GreetingTimeout = TimeSpan.FromSeconds(15);
    private const int MaxQueuedResults = 50;
    private static readonly string[] QueuedWhenOffline = ["diagnostic_result", "remediation_result", "screenshot_result", "system_tool_result"];

    private readonly Backoff _backoff = new(settings.ReconnectInterval, settings.ReconnectMax);
    private readonly ConcurrentQueue<(string Event, object Payload)> _offlineResults = new();
    private readonly SemaphoreSlim _emitLock = new(1, 1);
    private volatile SocketIOClient.SocketIO? _live;

    public string? DeviceId { get; private set; }
    public bool Connected => _live is not null;
    /// <summary>How many times a connection reached <c>agent_info</c> (tests watch reconnects with it).</summary>
    public int Sessions { get; private set; }
    /// <summary>How many connection attempts the server refused for bad credentials.</summary>
    public int Refusals { get; private set; }

    public static string ClientVersion =>
        typeof(ServerConnection).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>The server's refusal of a device or secret (notes §5: one message for both).</summary>
    public const string Refusal = "Authentication failed";
    public const int RefusalsBeforeGivingUp = 3;

    /// <summary>
    /// Stays connected until <paramref name="ct"/> is cancelled (then disconnects cleanly and returns true), or
    /// until the server has refused the credentials several times in a row (returns false: check the enrollment).
    /// </summary>
    public async Task<bool> RunAsync(DeviceCredentials credentials, string hostname, CancellationToken ct)
    {
        DeviceId = credentials.DeviceId;
        var failures = 0;
        var refusals = 0;
        while (!ct.IsCancellationRequested)
        {
            var result = await RunOneConnectionAsync(credentials, hostname, ct);
            if (ct.IsCancellationRequested) break;
            failures = result == ConnectionResult.Greeted ? 0 : failures + 1;
            refusals = result == ConnectionResult.Refused ? refusals + 1 : 0;
            if (result == ConnectionResult.Refused) Refusals++;
            if (refusals >= RefusalsBeforeGivingUp) return false;
            var delay = _backoff.Delay(failures);
            log.LogInformation("Reconnecting in {Seconds:0.0} s", delay.TotalSeconds);
            try { await Task.Delay(delay, ct); } catch (OperationCanceledException) { break; }
        }
        return true;
    }

    private enum ConnectionResult { Greeted, Failed, Refused }

    /// <summary>One connection from connect to disconnect.</summary>
    private async Task<ConnectionResult> RunOneConnectionAsync(DeviceCredentials credentials, string hostname, CancellationToken ct)
    {
        var greeted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var closed = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (user.NeedsProfile) await CollectProfileAsync(ct); // a service agent names the signed-in user, not root
        using var client = NewClient(credentials, hostname);
        client.On("agent_info", r => { chat.AgentInfo(Payload(r)); greeted.TrySetResult(); });
        client.On("chat_response", r => chat.Response(Payload(r)));
        client.On("chat_history", r => chat.History(Payload(r)));
        client.On("ai_status", r => chat.AiStatus(Payload(r)));
        Handle(client, "diagnostic_request", requests.DiagnosticAsync, ct);
        Handle(client, "remediation_request", requests.RemediationAsync, ct);
        Handle(client, "screenshot_request", requests.ScreenshotAsync, ct);
        Handle(client, "system_tool_request", requests.SystemToolAsync, ct);
        client.OnDisconnected += (_, reason) => closed.TrySetResult(reason);
        client.On("error_message", r => log.LogWarning("The server rejected an event: {Message}", TerminalText.Line(PayloadFields.String(Payload(r), "message"))));
        client.OnError += (_, message) =>
        {
            // Before the greeting an error is a refused connection (bad credentials); after it, only worth a log line.
            log.LogWarning("Connection error from the server: {Message}", TerminalText.Line(message));
            if (!greeted.Task.IsCompleted) closed.TrySetResult(message);
        };

        try
        {
            await client.ConnectAsync().WaitAsync(GreetingTimeout, ct);
            await Task.WhenAny(greeted.Task, closed.Task).WaitAsync(GreetingTimeout, ct);
            if (!greeted.Task.IsCompleted)
            {
                await DisconnectQuietlyAsync(client);
                return closed.Task is { IsCompletedSuccessfully: true, Result: var why } && why.Contains(Refusal, StringComparison.Ordinal)
                    ? ConnectionResult.Refused : ConnectionResult.Failed;
            }
        }
        catch (Exception) when (ct.IsCancellationRequested) { await DisconnectQuietlyAsync(client); return ConnectionResult.Failed; }
        catch (Exception e)
        {
            log.LogWarning("Cannot reach {Server}: {Message}", settings.ServerUrl, e.Message);
            await DisconnectQuietlyAsync(client);
            return ConnectionResult.Failed;
        }

        using var session = CancellationTokenSource.CreateLinkedTokenSource(ct);
        _live = client;
        Sessions++;
        log.LogInformation("Connected to {Server} as {DeviceId}", settings.ServerUrl, credentials.DeviceId);
        display.Publish(LocalMessage.Line("system", "Connected to IT" + (chat.AgentName is { } name ? $"; the assistant is {name}." : ".")));
        var background = Task.WhenAll(GreetAsync(session.Token), HeartbeatAsync(session.Token), MonitorAsync(session.Token));
        try
        {
            var reason = await closed.Task.WaitAsync(ct);
            log.LogWarning("Disconnected from the server ({Reason})", reason);
            display.Publish(LocalMessage.Line("system", "Lost the connection to IT; reconnecting..." + OfflineHint()));
        }
        catch (OperationCanceledException)
        {
            _live = null;
            await DisconnectQuietlyAsync(client);
        }
        finally
        {
            _live = null;
            await session.CancelAsync();
            await background.ContinueWith(_ => { });
        }
        return ConnectionResult.Greeted;
    }

    private SocketIOClient.SocketIO NewClient(DeviceCredentials credentials, string hostname) =>
        new(new Uri(settings.ServerUrl, "agent"), new SocketIOOptions
        {
            Reconnection = false, // reconnects are ours: a fresh client per attempt, with our backoff
            ConnectionTimeout = GreetingTimeout,
            Auth = new { deviceSecret = credentials.DeviceSecret },
            Query =
            [
                new("deviceId", credentials.DeviceId),
                new("hostname", hostname),
                new("username", user.Name),
                new("clientVersion", ClientVersion),
            ],
        });

    /// <summary>After the greeting: profile, results kept while offline, then every check silently (notes §7).</summary>
    private async Task GreetAsync(CancellationToken ct)
    {
        if (await CollectProfileAsync(ct) is { } profile) await EmitAsync("system_profile", profile, ct);
        while (_offlineResults.TryDequeue(out var queued)) await EmitAsync(queued.Event, queued.Payload, ct);
        await RunChecksSafelyAsync(ct);
    }

    /// <summary>The system profile, also remembered for the handshake's user name; null when it cannot be collected.</summary>
    private async Task<System.Text.Json.Nodes.JsonObject?> CollectProfileAsync(CancellationToken ct)
    {
        try
        {
            var profile = await platform.CollectProfileAsync(ct);
            user.Remember(profile);
            return profile;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Could not collect the system profile");
            return null;
        }
    }

    private async Task HeartbeatAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(settings.HeartbeatInterval);
        while (await Tick(timer, ct))
            await EmitAsync("heartbeat", new { deviceId = DeviceId, timestamp = DateTime.UtcNow.ToString("o") }, ct);
    }

    private async Task MonitorAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(settings.MonitoringInterval);
        while (await Tick(timer, ct)) await RunChecksSafelyAsync(ct);
    }

    private async Task RunChecksSafelyAsync(CancellationToken ct)
    {
        try { await diagnostics.RunAllAsync(this, requestId: null, silent: true, ct); }
        catch (OperationCanceledException) { }
        catch (Exception e) { log.LogWarning(e, "Scheduled checks failed"); }
    }

    public async Task<bool> SendChatAsync(string content, CancellationToken ct)
    {
        if (_live is null) return false;
        await EmitAsync("chat_message", new { content }, ct);
        display.Publish(LocalMessage.Line("you", content));
        return true;
    }

    public async Task EmitAsync(string eventName, object payload, CancellationToken ct)
    {
        var client = _live;
        if (client is null)
        {
            if (QueuedWhenOffline.Contains(eventName) && _offlineResults.Count < MaxQueuedResults) _offlineResults.Enqueue((eventName, payload));
            return;
        }
        await _emitLock.WaitAsync(ct);
        try { await client.EmitAsync(eventName, payload); }
        catch (Exception e) when (e is not OperationCanceledException) { log.LogWarning("Could not send {Event}: {Message}", eventName, e.Message); }
        finally { _emitLock.Release(); }
    }

    /// <summary>Runs a request handler off the socket's receive loop; a failing handler is logged, never fatal.</summary>
    private void Handle(SocketIOClient.SocketIO client, string eventName, Func<JsonElement, IServerEmitter, CancellationToken, Task> handler, CancellationToken ct) =>
        client.On(eventName, response =>
        {
            var payload = Payload(response);
            _ = Task.Run(async () =>
            {
                try { await handler(payload, this, ct); }
                catch (OperationCanceledException) { }
                catch (Exception e) { log.LogError(e, "Handling {Event} failed", eventName); }
            }, CancellationToken.None);
        });

    private static JsonElement Payload(SocketIOResponse response)
    {
        try { return response.Count > 0 ? response.GetValue<JsonElement>().Clone() : default; }
        catch (Exception) { return default; }
    }

    private static async Task<bool> Tick(PeriodicTimer timer, CancellationToken ct)
    {
        try { return await timer.WaitForNextTickAsync(ct); }
        catch (OperationCanceledException) { return false; }
    }

    private string OfflineHint()
    {
        var c = settings.OfflineContacts;
        if (!c.Any) return "";
        var ways = new[] { c.Phone is null ? null : "phone " + c.Phone, c.Email is null ? null : "email " + c.Email, c.Portal is null ? null : c.Portal };
        return " If it is urgent, contact IT: " + string.Join(", ", ways.Where(w => w is not null)) + ".";
    }

    private async Task DisconnectQuietlyAsync(SocketIOClient.SocketIO client)
    {
        try
        {
            if (client.Connected) await client.DisconnectAsync().WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) { log.LogDebug("Disconnect: {Message}", e.Message); }
    }
}
