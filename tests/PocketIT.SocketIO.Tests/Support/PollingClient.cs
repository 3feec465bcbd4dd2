using System.Net;
using System.Text;
using System.Text.Json;

namespace PocketIT.SocketIO.Tests.Support;

/// <summary>Speaks Engine.IO long-polling by hand over HttpClient.</summary>
public sealed class PollingClient(HttpClient http, string path)
{
    public string Sid { get; private set; } = "";

    public string Url => $"{path}/?EIO=4&transport=polling&sid={Sid}";

    public static async Task<PollingClient> OpenAsync(TestHost host, string path)
    {
        var client = new PollingClient(host.Http, path);
        var open = await host.Http.GetStringAsync($"{path}/?EIO=4&transport=polling");
        Assert.StartsWith("0", open);
        client.Sid = JsonDocument.Parse(open[1..]).RootElement.GetProperty("sid").GetString()!;
        return client;
    }

    public async Task<(HttpStatusCode Status, string Body)> GetAsync()
    {
        using var response = await http.GetAsync(Url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<string> GetOkAsync()
    {
        var (status, body) = await GetAsync();
        Assert.Equal(HttpStatusCode.OK, status);
        return body;
    }

    public async Task<(HttpStatusCode Status, string Body)> PostAsync(string body)
    {
        using var response = await http.PostAsync(Url, new StringContent(body, Encoding.UTF8, "text/plain"));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task PostOkAsync(string body)
    {
        var (status, text) = await PostAsync(body);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ok", text);
    }
}
