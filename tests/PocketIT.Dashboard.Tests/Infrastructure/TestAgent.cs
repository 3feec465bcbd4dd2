using System.Collections.Concurrent;
using System.Text.Json;

namespace PocketIT.Dashboard.Tests.Infrastructure;

/// <summary>
/// A device agent on the server's <c>/agent</c> namespace, played by SocketIOClient (NuGet): it connects with its
/// enrollment secret, records every event it receives, and waits for the server's <c>agent_info</c> before use.
/// </summary>
public sealed class TestAgent : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly ConcurrentQueue<(string Name, JsonElement Data)> _seen = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly SocketIOClient.SocketIO _client;

    private TestAgent(DashboardServer server, string deviceId, string secret, string hostname)
    {
        DeviceId = deviceId;
        _client = new SocketIOClient.SocketIO(new Uri(new Uri(server.BaseUrl), "/agent"), new SocketIOClient.SocketIOOptions
        {
            Reconnection = false,
            Auth = new { deviceSecret = secret },
            Query = [new("deviceId", deviceId), new("hostname", hostname)],
            ConnectionTimeout = Patience,
        });
        _client.OnAny((name, response) =>
        {
            _seen.Enqueue((name, response.Count > 0 ? response.GetValue<JsonElement>() : default));
            _arrived.Release();
        });
        _client.OnError += (_, message) => { _seen.Enqueue(("(error) " + message, default)); _arrived.Release(); };
        _client.OnDisconnected += (_, reason) => { _seen.Enqueue(("(disconnected) " + reason, default)); _arrived.Release(); };
    }

    public string DeviceId { get; }

    /// <summary>Connects and returns once the server has sent <c>agent_info</c> (only then are the agent's events handled).</summary>
    public static async Task<TestAgent> ConnectAsync(DashboardServer server, string deviceId, string secret, string hostname)
    {
        var agent = new TestAgent(server, deviceId, secret, hostname);
        await agent._client.ConnectAsync();
        await agent.WaitFor("agent_info");
        return agent;
    }

    public Task EmitAsync(string eventName, object payload) => _client.EmitAsync(eventName, payload);

    public Task DisconnectAsync() => _client.DisconnectAsync();

    /// <summary>The first received <paramref name="name"/> event matching <paramref name="match"/>, waiting up to <see cref="Patience"/>.</summary>
    public async Task<JsonElement> WaitFor(string name, Func<JsonElement, bool>? match = null)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            foreach (var (n, data) in _seen)
                if (n == name && (match is null || match(data))) return data;
            var left = deadline - DateTime.UtcNow;
            Assert.True(left > TimeSpan.Zero, $"no \"{name}\" event within {Patience.TotalSeconds} s; saw: {string.Join(", ", _seen.Select(s => s.Name))}");
            await _arrived.WaitAsync(left);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.Connected) await _client.DisconnectAsync();
        _client.Dispose();
        _arrived.Dispose();
    }
}
