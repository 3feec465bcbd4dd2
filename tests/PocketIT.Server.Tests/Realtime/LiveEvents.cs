using System.Collections.Concurrent;
using System.Text.Json;
using SocketIOClient;
using ClientOptions = SocketIOClient.SocketIOOptions;

namespace PocketIT.Server.Tests.Realtime;

/// <summary>A SocketIOClient (NuGet) connection that records every event it receives, so tests can wait for one.</summary>
public sealed class LiveEvents : IDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly ConcurrentQueue<(string Name, JsonElement Data)> _seen = new();
    private readonly SemaphoreSlim _arrived = new(0);

    public LiveEvents(Uri baseUri, string ns, object? auth, IEnumerable<KeyValuePair<string, string>>? query = null)
    {
        Client = new SocketIOClient.SocketIO(new Uri(baseUri, ns), new ClientOptions
        {
            Reconnection = false,
            Auth = auth,
            Query = query,
            ConnectionTimeout = Patience,
        });
        Client.OnAny((name, response) =>
        {
            _seen.Enqueue((name, response.Count > 0 ? response.GetValue<JsonElement>() : default));
            _arrived.Release();
        });
        // Recorded too, so a failed wait shows why the connection went away.
        Client.OnError += (_, message) => _seen.Enqueue(("(error) " + message, default));
        Client.OnDisconnected += (_, reason) => _seen.Enqueue(("(disconnected) " + reason, default));
    }

    public SocketIOClient.SocketIO Client { get; }

    public IEnumerable<(string Name, JsonElement Data)> Seen => _seen;

    /// <summary>The first recorded <paramref name="name"/> event matching <paramref name="match"/>, waiting up to the patience.</summary>
    public Task<JsonElement> WaitFor(string name, Func<JsonElement, bool>? match = null) => WaitFor(name, 1, match);

    /// <summary>The <paramref name="count"/>-th recorded <paramref name="name"/> event matching <paramref name="match"/>.</summary>
    public async Task<JsonElement> WaitFor(string name, int count, Func<JsonElement, bool>? match = null)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var found = 0;
            foreach (var (n, data) in _seen)
                if (n == name && (match is null || match(data)) && ++found == count) return data;
            var left = deadline - DateTime.UtcNow;
            Assert.True(left > TimeSpan.Zero, $"no \"{name}\" event within {Patience.TotalSeconds} s; saw: {string.Join(", ", _seen.Select(s => s.Name))}");
            await _arrived.WaitAsync(left);
        }
    }

    public void Dispose()
    {
        Client.Dispose();
        _arrived.Dispose();
    }
}
