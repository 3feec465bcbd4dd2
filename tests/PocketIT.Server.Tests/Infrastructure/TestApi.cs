using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PocketIT.Server.Tests.Infrastructure;

/// <summary>An HTTP client with intent methods: sign in, create users, clients and devices, read JSON.</summary>
public sealed class TestApi(HttpClient http, PocketItFactory factory)
{
    public HttpClient Http => http;
    public PocketItFactory Factory => factory;

    public TestApi WithToken(string token)
    {
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return this;
    }

    public TestApi WithHeader(string name, string value)
    {
        http.DefaultRequestHeaders.Add(name, value);
        return this;
    }

    public Task<HttpResponseMessage> Get(string path) => http.GetAsync(path);
    public Task<HttpResponseMessage> Delete(string path) => http.DeleteAsync(path);
    public Task<HttpResponseMessage> Post(string path, object? body = null) => http.PostAsync(path, Json(body));
    public Task<HttpResponseMessage> Put(string path, object? body = null) => http.PutAsync(path, Json(body));
    public Task<HttpResponseMessage> Patch(string path, object? body = null) => http.PatchAsync(path, Json(body));

    /// <summary>Sends a raw body, for malformed JSON and wrong content types.</summary>
    public Task<HttpResponseMessage> Send(HttpMethod method, string path, string body, string contentType = "application/json") =>
        http.SendAsync(new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, contentType) });

    public static StringContent Json(object? body) =>
        new(body is null ? "{}" : body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    /// <summary>
    /// Logs in through the API and returns a remote client carrying the token. The login itself comes
    /// over loopback, which the per-IP login throttle exempts, so busy test classes don't trip it.
    /// </summary>
    public async Task<TestApi> LoginAsync(string username, string password)
    {
        var response = await factory.Api().Post("/api/admin/login", new { username, password });
        var body = await response.ReadJson();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"login failed: {response.StatusCode} {body}");
        return factory.RemoteApi().WithToken(body["token"]!.GetValue<string>());
    }

    /// <summary>Creates a staff user over the bypass, assigns it to clients, and signs it in remotely.</summary>
    public async Task<(int Id, TestApi Api)> CreateStaffAsync(string role, params int[] clientIds)
    {
        var username = $"{role}-{Guid.NewGuid():N}"[..20];
        const string password = "Staff-Password-123";
        var created = await factory.Api().Post("/api/admin/users", new { username, password, display_name = username, role });
        var body = await created.ReadJson();
        Assert.True(created.IsSuccessStatusCode, $"create user failed: {created.StatusCode} {body}");
        var id = body["id"]!.GetValue<int>();
        foreach (var clientId in clientIds)
            (await factory.Api().Post($"/api/clients/{clientId}/users", new { user_id = id })).EnsureSuccessStatusCode();
        return (id, await LoginAsync(username, password));
    }

    public async Task<int> CreateClientAsync(string? name = null)
    {
        var response = await factory.Api().Post("/api/clients", new { name = name ?? "Client " + Guid.NewGuid().ToString("N")[..8] });
        var body = await response.ReadJson();
        Assert.True(response.IsSuccessStatusCode, $"create client failed: {response.StatusCode} {body}");
        return body["id"]!.GetValue<int>();
    }

    /// <summary>Enrolls a device into a client through the public flow; returns its id and secret.</summary>
    public async Task<(string DeviceId, string Secret)> EnrollDeviceAsync(int clientId, string? hostname = null)
    {
        var token = (await (await factory.Api().Post("/api/enrollment/token", new { client_id = clientId })).ReadJson())["token"]!.GetValue<string>();
        var deviceId = "dev-" + Guid.NewGuid().ToString("N")[..12];
        var response = await factory.RemoteApi().Post("/api/enrollment/enroll",
            new { token, deviceId, hostname = hostname ?? "HOST-" + deviceId[4..10], osVersion = "Windows 11 Pro 23H2" });
        var body = await response.ReadJson();
        Assert.True(response.IsSuccessStatusCode, $"enroll failed: {response.StatusCode} {body}");
        return (deviceId, body["deviceSecret"]!.GetValue<string>());
    }
}

public static class ResponseExtensions
{
    public static async Task<JsonNode> ReadJson(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.False(string.IsNullOrEmpty(text), $"empty body with status {(int)response.StatusCode}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>Asserts the status and the <c>{"error": "..."}</c> format; returns the message.</summary>
    public static async Task<string> ShouldFail(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status} but got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = JsonNode.Parse(text)!["error"];
        Assert.NotNull(error);
        return error!.GetValue<string>();
    }

    public static async Task<JsonNode> ShouldSucceed(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"expected success but got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }
}
