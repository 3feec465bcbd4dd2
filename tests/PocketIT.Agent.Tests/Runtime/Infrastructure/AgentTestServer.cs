using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PocketIT.Server.Core.Audit;
using PocketIT.Server.Core.Data;
using PocketIT.Server.PocketIt.Realtime;

namespace PocketIT.Agent.Tests.Runtime.Infrastructure;

/// <summary>
/// The real server on a real Kestrel port (Socket.IO needs one), Pocket IT face only, its own SQLite folder.
/// Requests come from loopback, so the localhost bypass acts as the bootstrap admin.
/// </summary>
public sealed class AgentTestServer : WebApplicationFactory<Program>
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "pocketit-agent-tests", Guid.NewGuid().ToString("N"));

    public int Port { get; } = FreePort();
    public Uri BaseUri => new($"http://127.0.0.1:{Port}/");

    public AgentTestServer()
    {
        UseKestrel();
        StartServer();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("PocketIT:DataDir", _dataDir);
        builder.UseSetting("PocketIT:Bootstrap:AdminPassword", "Agent-Tests-Admin-Password-1");
        builder.UseSetting("PocketIT:Auth:BcryptWorkFactor", "4");
        builder.UseSetting("PocketIT:RateLimits:EnrollmentTokensPerHour", "100000");
        builder.UseSetting("PocketIT:Faces:PocketIt:Port", Port.ToString());
        foreach (var face in new[] { "RemoteSupport", "DeviceGateway", "ConnectAssist", "ProPass" })
            builder.UseSetting($"PocketIT:Faces:{face}:Enabled", "false");
    }

    public HttpClient Http() => new() { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>A fresh client and a one-time enrollment token for it, made through the API as the admin.</summary>
    public async Task<string> NewEnrollmentTokenAsync()
    {
        using var http = Http();
        var client = await Json(await http.PostAsJsonAsync("api/clients", new { name = "Agent tests " + Guid.NewGuid().ToString("N")[..8] }));
        var token = await Json(await http.PostAsJsonAsync("api/enrollment/token", new { client_id = client["id"]!.GetValue<int>() }));
        return token["token"]!.GetValue<string>();
    }

    /// <summary>GET /api/devices/:id, or null while the device is unknown.</summary>
    public async Task<JsonObject?> DeviceAsync(string deviceId)
    {
        using var http = Http();
        var response = await http.GetAsync("api/devices/" + Uri.EscapeDataString(deviceId));
        return response.StatusCode == HttpStatusCode.NotFound ? null : (JsonObject)await Json(response);
    }

    public async Task<JsonArray> DiagnosticsAsync(string deviceId)
    {
        using var http = Http();
        return (JsonArray)await Json(await http.GetAsync($"api/devices/{Uri.EscapeDataString(deviceId)}/diagnostics"));
    }

    /// <summary>The audit rows a device wrote with <paramref name="action"/>.</summary>
    public async Task<List<AuditEntry>> AuditAsync(string deviceId, string action)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.AuditLog.AsNoTracking().Where(a => a.Actor == deviceId && a.Action == action).ToListAsync();
    }

    /// <summary>Sends a server → agent event straight to the device's room, as the server's own features do.</summary>
    public Task ToDeviceAsync(string deviceId, string eventName, object payload) =>
        Services.GetRequiredService<RealtimeHub>().ToDeviceAsync(deviceId, eventName, payload);

    private static async Task<JsonNode> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {text}");
        return JsonNode.Parse(text)!;
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }
}
