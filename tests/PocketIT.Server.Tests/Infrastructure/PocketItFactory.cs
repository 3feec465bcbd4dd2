using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace PocketIT.Server.Tests.Infrastructure;

/// <summary>
/// The real server in memory, on a database of its own: a fresh SQLite file, or a fresh PostgreSQL
/// database when <c>POCKETIT_TEST_POSTGRES</c> holds a connection string (the test script sets it).
/// Requests come from 127.0.0.1 unless a test says otherwise with <see cref="TestRemoteAddress.Header"/>.
/// </summary>
public class PocketItFactory : WebApplicationFactory<Program>
{
    public const string AdminPassword = "Test-Admin-Password-1";
    public static readonly string? PostgresServer = Environment.GetEnvironmentVariable("POCKETIT_TEST_POSTGRES");

    public PocketItFactory()
    {
        // Set before the first CreateClient: the face's endpoints only match on its port.
        ClientOptions.BaseAddress = new Uri("http://localhost:9100");
        ClientOptions.AllowAutoRedirect = false;
    }

    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "pocketit-tests", Guid.NewGuid().ToString("N"));
    private string? _postgresDatabase;

    /// <summary>Extra configuration for one test class (e.g. the localhost bypass switched off).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings => [];

    public string Provider => PostgresServer is null ? "sqlite" : "postgres";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("PocketIT:DataDir", _dataDir);
        builder.UseSetting("PocketIT:Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("PocketIT:Auth:BcryptWorkFactor", "4");
        if (PostgresServer is not null)
        {
            builder.UseSetting("PocketIT:Database:Provider", "postgres");
            builder.UseSetting("PocketIT:Database:ConnectionString", CreatePostgresDatabase());
        }
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, TestRemoteAddress>());
    }

    /// <summary>An HTTP client whose requests arrive from <paramref name="remote"/> (loopback by default).</summary>
    public TestApi Api(string remote = "127.0.0.1")
    {
        var client = NewHttpClient();
        client.DefaultRequestHeaders.Add(TestRemoteAddress.Header, remote);
        return new TestApi(client, this);
    }

    /// <summary>The in-memory client by default; a factory on a real socket connects over it instead.</summary>
    protected virtual HttpClient NewHttpClient() => CreateClient();

    /// <summary>A caller from another machine: no bypass, no token.</summary>
    public TestApi RemoteApi() => Api("203.0.113.7");

    private string CreatePostgresDatabase()
    {
        _postgresDatabase = "pocketit_test_" + Guid.NewGuid().ToString("N");
        using var conn = new NpgsqlConnection(PostgresServer);
        conn.Open();
        using var cmd = new NpgsqlCommand($"CREATE DATABASE {_postgresDatabase}", conn);
        cmd.ExecuteNonQuery();
        return new NpgsqlConnectionStringBuilder(PostgresServer) { Database = _postgresDatabase }.ConnectionString;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var conn = new NpgsqlConnection(PostgresServer);
            conn.Open();
            using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", conn);
            cmd.ExecuteNonQuery();
        }
    }
}

/// <summary>The bypass switched off: every endpoint but the public ones needs a token, even from loopback.</summary>
public sealed class NoBypassFactory : PocketItFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("PocketIT:Auth:LocalhostBypass", "false")];
}

/// <summary>The in-memory test server has no socket; this sets the remote address a real one would have.</summary>
public sealed class TestRemoteAddress : Microsoft.AspNetCore.Hosting.IStartupFilter
{
    public const string Header = "X-Test-Remote-Address";

    public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
    {
        app.Use((HttpContext context, Func<Task> nextMiddleware) =>
        {
            var value = context.Request.Headers[Header].ToString();
            context.Connection.RemoteIpAddress = IPAddress.TryParse(value, out var ip) ? ip : IPAddress.Loopback;
            context.Request.Headers.Remove(Header);
            return nextMiddleware();
        });
        next(app);
    };
}
