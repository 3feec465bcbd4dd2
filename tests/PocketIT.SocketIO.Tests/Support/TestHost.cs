using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PocketIT.SocketIO.ConformanceHost;

namespace PocketIT.SocketIO.Tests.Support;

/// <summary>A real Kestrel on a free loopback port with whatever endpoints the test maps.</summary>
public sealed class TestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestHost(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
        Http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(10) };
    }

    public Uri BaseUri { get; }
    public HttpClient Http { get; }
    public SocketIOServer? Server { get; private set; }

    public Uri WebSocketUri(string pathAndQuery) => new($"ws://{BaseUri.Authority}{pathAndQuery}");

    /// <summary>The conformance configuration on a clock that only moves when the test advances it
    /// (or on the real clock, for real clients that keep their own time).</summary>
    public static async Task<TestHost> StartConformanceAsync(bool realTime = false)
    {
        FakeTimeProvider? time = null;
        SocketIOServer? server = null;
        var host = await StartAsync(app =>
        {
            time = realTime ? null : new FakeTimeProvider();
            // Fake-clock hosts keep the exact conformance heartbeat; real-clock ones (for real
            // clients) use the interop host's lenient ping timeout.
            server = app.MapConformanceEndpoints(time, interop: realTime);
        });
        host._time = time!;
        host.Server = server;
        return host;
    }

    private FakeTimeProvider? _time;

    /// <summary>The clock of the mapped server; it only moves when the test advances it.</summary>
    public FakeTimeProvider Clock => _time ?? throw new InvalidOperationException("This host has no fake clock.");

    /// <summary>Advances the fake clock in small steps, as the wheel would see real time pass.</summary>
    public void Advance(TimeSpan by)
    {
        var step = TimeSpan.FromMilliseconds(10);
        for (var done = TimeSpan.Zero; done < by; done += step) Clock.Advance(step);
    }

    public static async Task<TestHost> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestHost(app, new Uri(address));
    }

    /// <summary>A Socket.IO server with test-chosen options on a fake clock.</summary>
    public static async Task<TestHost> StartSocketIOAsync(Action<SocketIOOptions> configure)
    {
        var time = new FakeTimeProvider();
        SocketIOServer? server = null;
        var host = await StartAsync(app => server = app.MapSocketIO("/socket.io", o =>
        {
            o.TimeProvider = time;
            configure(o);
        }).Server);
        host._time = time;
        host.Server = server;
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        using (var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2))) await _app.StopAsync(cts.Token);
        await _app.DisposeAsync();
    }
}
