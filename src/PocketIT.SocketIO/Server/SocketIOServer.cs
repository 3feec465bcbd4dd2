using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PocketIT.SocketIO.Engine;
using PocketIT.SocketIO.Protocol;
using PocketIT.SocketIO.Timing;

namespace PocketIT.SocketIO;

/// <summary>A Socket.IO server on one path: its namespaces and the Engine.IO endpoint under them.</summary>
public sealed class SocketIOServer : IDisposable
{
    private readonly ConcurrentDictionary<string, SocketIONamespace> _namespaces = new(StringComparer.Ordinal);

    public SocketIOServer(SocketIOOptions options, IServiceProvider? services = null)
    {
        Options = options;
        Services = services ?? EmptyServices.Instance;
        Logger = Services.GetService<ILoggerFactory>()?.CreateLogger("PocketIT.SocketIO") ?? NullLogger.Instance;
        SerializerOptions = new JsonSerializerOptions(options.JsonSerializerOptions);
        SerializerOptions.Converters.Insert(0, new BinaryPlaceholderConverter());
        Engine = new EngineIOServer(options, session =>
        {
            var connection = new SocketIOConnection(this, session);
            session.Owner = connection;
            return connection;
        });
        Of("/");
        foreach (var (name, configure) in options.NamespaceSetups) configure(Of(name));
    }

    public SocketIOOptions Options { get; }
    public IServiceProvider Services { get; }
    public EngineIOServer Engine { get; }
    internal TimerWheel Wheel => Engine.Wheel;
    internal ILogger Logger { get; }
    internal JsonSerializerOptions SerializerOptions { get; }

    /// <summary>The main namespace "/".</summary>
    public SocketIONamespace MainNamespace => Of("/");

    /// <summary>Returns the namespace, declaring it if needed.</summary>
    public SocketIONamespace Of(string name)
    {
        if (!name.StartsWith('/')) name = "/" + name;
        return _namespaces.GetOrAdd(name, n => new SocketIONamespace(this, n));
    }

    public bool TryGetNamespace(string name, out SocketIONamespace ns) => _namespaces.TryGetValue(name, out ns!);

    public IEnumerable<SocketIONamespace> Namespaces => _namespaces.Values;

    /// <summary>Open Engine.IO connections (one per client, whatever its namespaces).</summary>
    public int ConnectionCount => Engine.SessionCount;

    public Task HandleRequestAsync(HttpContext context) => Engine.HandleRequestAsync(context);

    internal static string NewId()
    {
        Span<byte> bytes = stackalloc byte[15];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Logs a handler's failure without making anyone wait for the handler.</summary>
    internal void Observe(Task task, string what)
    {
        if (task.IsCompletedSuccessfully) return;
        if (task.IsFaulted)
        {
            Logger.LogError(task.Exception!.InnerException, "{What} failed", what);
            return;
        }
        task.ContinueWith(static (t, s) =>
        {
            var (logger, what) = ((ILogger, string))s!;
            if (t.IsFaulted) logger.LogError(t.Exception!.InnerException, "{What} failed", what);
        }, (Logger, what), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Closes every connection; their sockets see "forced close".</summary>
    public void CloseAll() => Engine.CloseAll();

    public void Dispose()
    {
        Engine.CloseAll();
        Engine.Dispose();
        foreach (var ns in _namespaces.Values) ns.Adapter.Dispose();
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();
        public object? GetService(Type serviceType) => null;
    }
}
