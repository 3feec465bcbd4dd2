using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using PocketIT.Server.Core.Data;

namespace PocketIT.Dashboard.Tests.Infrastructure;

/// <summary>
/// The real server on Kestrel, on a free loopback port, with its own SQLite data directory. Only the
/// Pocket IT face is on; the other four are switched off. Intent methods seed what the pages show.
/// </summary>
public sealed class DashboardServer : WebApplicationFactory<Program>
{
    public const string AdminPassword = "Dashboard-Admin-Password-1";
    public const string StaffPassword = "Dashboard-Staff-Password-1";

    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "pocketit-dashboard-tests", Guid.NewGuid().ToString("N"));
    private string? _adminToken;

    public int Port { get; } = FreePort();
    public string BaseUrl => $"http://127.0.0.1:{Port}";

    /// <summary>The bytes of the stand-in bootstrapper the server serves (a real PE is not needed to test the page).</summary>
    public static readonly byte[] SetupExeBytes = [.. "MZ"u8, .. "stand-in bootstrapper"u8];

    public DashboardServer()
    {
        PublishStandInPackages();
        UseKestrel();
        StartServer();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("PocketIT:DataDir", _dataDir);
        builder.UseSetting("PocketIT:Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("PocketIT:Auth:BcryptWorkFactor", "4");
        builder.UseSetting("PocketIT:RateLimits:EnrollmentTokensPerHour", "100000");
        builder.UseSetting("PocketIT:Faces:PocketIt:Port", Port.ToString());
        foreach (var face in new[] { "RemoteSupport", "DeviceGateway", "ConnectAssist", "ProPass" })
            builder.UseSetting($"PocketIT:Faces:{face}:Enabled", "false");
    }

    /// <summary>Small stand-ins in the server's default packages folder so installer downloads answer.</summary>
    private void PublishStandInPackages()
    {
        void Write(string relative, byte[] bytes)
        {
            var path = Path.Combine(_dataDir, "packages", relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
        }
        Write("win-x64/pocketit-agent.exe", "MZ agent"u8.ToArray());
        Write("setup/win-x64/PocketIT.Setup.exe", SetupExeBytes);
        Write("linux-x64/pocketit-agent", "#!/bin/sh\n"u8.ToArray());
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>A plain HTTP client to the face (not through the browser).</summary>
    public HttpClient Http(string? token = null)
    {
        var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        if (token is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public async Task<HttpClient> AdminHttp()
    {
        _adminToken ??= (await LoginAsync("admin", AdminPassword))["token"]!.GetValue<string>();
        return Http(_adminToken);
    }

    public async Task<JsonObject> LoginAsync(string username, string password)
    {
        using var http = Http();
        var response = await http.PostAsJsonAsync("/api/admin/login", new { username, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static async Task<JsonNode> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>The <c>error</c> of a Pocket IT error body.</summary>
    public static async Task<string> ErrorOf(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())?["error"]?.GetValue<string>() ?? $"Request failed ({(int)response.StatusCode})";

    public async Task<JsonNode> Get(string path) { using var http = await AdminHttp(); return await Json(await http.GetAsync(path)); }
    public async Task<JsonNode> Post(string path, object body) { using var http = await AdminHttp(); return await Json(await http.PostAsJsonAsync(path, body)); }
    public async Task<JsonNode> Put(string path, object body) { using var http = await AdminHttp(); return await Json(await http.PutAsJsonAsync(path, body)); }

    public async Task<int> CreateClientAsync(string name, string? contact = null, string? email = null, string? notes = null) =>
        (await Post("/api/clients", new { name, contact_name = contact, contact_email = email, notes }))["id"]!.GetValue<int>();

    public async Task<int> DefaultClientIdAsync() =>
        (await Get("/api/clients")).AsArray().First(c => c!["name"]!.GetValue<string>() == "Default")!["id"]!.GetValue<int>();

    /// <summary>Enrolls a device the way an agent does: a token for the client, then the enroll call.</summary>
    public async Task<string> EnrollAsync(int clientId, string hostname, string os = "Windows 11 Pro 23H2", string? deviceId = null) =>
        (await EnrollWithSecretAsync(clientId, hostname, os, deviceId)).DeviceId;

    /// <summary>As <see cref="EnrollAsync"/>, also returning the device secret an agent connects with.</summary>
    public async Task<(string DeviceId, string Secret)> EnrollWithSecretAsync(int clientId, string hostname, string os = "Windows 11 Pro 23H2", string? deviceId = null)
    {
        var token = (await Post("/api/enrollment/token", new { client_id = clientId }))["token"]!.GetValue<string>();
        deviceId ??= "dev-" + Guid.NewGuid().ToString("N")[..12];
        using var http = Http();
        var enrolled = await Json(await http.PostAsJsonAsync("/api/enrollment/enroll", new { token, deviceId, hostname, osVersion = os }));
        return (deviceId, enrolled["deviceSecret"]!.GetValue<string>());
    }

    /// <summary>Enrolls a device and connects a test agent for it on <c>/agent</c>.</summary>
    public async Task<TestAgent> ConnectAgentAsync(int clientId, string hostname)
    {
        var (deviceId, secret) = await EnrollWithSecretAsync(clientId, hostname);
        return await TestAgent.ConnectAsync(this, deviceId, secret, hostname);
    }

    public async Task<int> CreateTicketAsync(string deviceId, string title, string priority = "medium", string? description = null) =>
        (await Post("/api/tickets", new { device_id = deviceId, title, priority, description, category = "general" }))["id"]!.GetValue<int>();

    public async Task<int> CreateUserAsync(string username, string role, string? displayName = null) =>
        (await Post("/api/admin/users", new { username, password = StaffPassword, display_name = displayName, role }))["id"]!.GetValue<int>();

    /// <summary>Turns TOTP on for a user through the API (setup + confirm with a bearer token); returns the secret.</summary>
    public async Task<string> EnableTotpAsync(string username, string password)
    {
        var token = (await LoginAsync(username, password))["token"]!.GetValue<string>();
        using var http = Http(token);
        var setup = await Json(await http.PostAsJsonAsync("/api/admin/2fa/setup", new { }));
        var secret = setup["manualKey"]!.GetValue<string>();
        await Json(await http.PostAsJsonAsync("/api/admin/2fa/confirm", new { code = TotpCode(secret, DateTime.UtcNow) }));
        return secret;
    }

    /// <summary>Codes are single-use: the browser signs in with the next step's code, which the server's one-step window accepts.</summary>
    public static string NextTotpCode(string secret) => TotpCode(secret, DateTime.UtcNow.AddSeconds(30));

    public static string CurrentTotpCode(string secret) => TotpCode(secret, DateTime.UtcNow);

    private static string TotpCode(string secret, DateTime at) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(at);

    /// <summary>What an agent would have reported (profile, health, diagnostics, chat), written straight to storage
    /// (the live tests use a <see cref="TestAgent"/> instead).</summary>
    public async Task ReportAsync(string deviceId, Action<PocketIT.Server.Core.Devices.Device>? profile = null,
        IEnumerable<(string CheckType, string Status, object Data)>? diagnostics = null,
        IEnumerable<(string Sender, string Content, string Type)>? chat = null, bool online = true)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var device = db.Devices.Single(d => d.DeviceId == deviceId);
        device.Status = online ? "online" : "offline";
        profile?.Invoke(device);
        var at = DateTime.UtcNow.AddMinutes(-30);
        foreach (var (type, status, data) in diagnostics ?? [])
            db.DiagnosticResults.Add(new() { DeviceId = deviceId, CheckType = type, Status = status, Data = JsonSerializer.Serialize(data), CreatedAt = at = at.AddMinutes(1) });
        foreach (var (sender, content, kind) in chat ?? [])
            db.ChatMessages.Add(new() { DeviceId = deviceId, Sender = sender, Content = content, MessageType = kind, CreatedAt = at = at.AddMinutes(1) });
        await db.SaveChangesAsync();
    }

    /// <summary>Past health scores of a device, as diagnostic results over the days would have left them.</summary>
    public async Task AddHealthHistoryAsync(string deviceId, IEnumerable<(DateTime At, int Score)> points)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var (at, score) in points)
            db.HealthSnapshots.Add(new() { DeviceId = deviceId, Score = score, CreatedAt = at });
        await db.SaveChangesAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }
}
