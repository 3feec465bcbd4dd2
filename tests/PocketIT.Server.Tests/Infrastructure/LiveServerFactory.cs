using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace PocketIT.Server.Tests.Infrastructure;

/// <summary>
/// The real server on a real Kestrel socket (Socket.IO needs one), Pocket IT face only, on a free loopback
/// port, with a clock that moves only when a test advances it (for the staleness sweep).
/// </summary>
public class LiveServerFactory : PocketItFactory
{
    public LiveServerFactory()
    {
        Port = FreePort();
        ClientOptions.BaseAddress = BaseUri;
        UseKestrel();
    }

    public int Port { get; }
    public Uri BaseUri => new($"http://127.0.0.1:{Port}");
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("PocketIT:Faces:PocketIt:Port", Port.ToString()),
        new("PocketIT:Faces:RemoteSupport:Enabled", "false"),
        new("PocketIT:Faces:DeviceGateway:Enabled", "false"),
        new("PocketIT:Faces:ConnectAssist:Enabled", "false"),
        new("PocketIT:Faces:ProPass:Enabled", "false"),
        .. ExtraSettings,
    ];

    protected virtual IEnumerable<KeyValuePair<string, string>> ExtraSettings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    /// <summary>A plain client to the Kestrel port (the factory's own would aim at the wildcard address it listens on).</summary>
    protected override HttpClient NewHttpClient()
    {
        StartServer();
        return new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Starts Kestrel (idempotent) before the first socket connects.</summary>
    public LiveServerFactory Started()
    {
        StartServer();
        return this;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
