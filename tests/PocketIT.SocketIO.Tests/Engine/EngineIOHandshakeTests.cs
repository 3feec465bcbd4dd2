using System.Net;
using System.Text.Json;
using PocketIT.SocketIO.Tests.Support;

namespace PocketIT.SocketIO.Tests.Engine;

public sealed class EngineIOHandshakeTests : IAsyncLifetime
{
    private TestHost _host = null!;
    public async Task InitializeAsync() => _host = await TestHost.StartConformanceAsync();
    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("/engine.io")]
    [InlineData("/socket.io")]
    public async Task Polling_handshake_answers_open_packet_with_session_parameters(string path)
    {
        using var response = await _host.Http.GetAsync($"{path}/?EIO=4&transport=polling");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("0", body);
        var open = JsonDocument.Parse(body[1..]).RootElement;
        Assert.Equal(["sid", "upgrades", "pingInterval", "pingTimeout", "maxPayload"], open.EnumerateObject().Select(p => p.Name));
        Assert.False(string.IsNullOrEmpty(open.GetProperty("sid").GetString()));
        Assert.Equal("[\"websocket\"]", open.GetProperty("upgrades").GetRawText());
        Assert.Equal(300, open.GetProperty("pingInterval").GetInt32());
        Assert.Equal(200, open.GetProperty("pingTimeout").GetInt32());
        Assert.Equal(1_000_000, open.GetProperty("maxPayload").GetInt32());
    }

    [Fact]
    public async Task WebSocket_handshake_sends_open_packet_without_upgrades()
    {
        var (socket, open) = await RawWebSocket.OpenAsync(_host, "/engine.io");
        await using var _ = socket;
        Assert.StartsWith("0", open);
        var json = JsonDocument.Parse(open[1..]).RootElement;
        Assert.Equal("[]", json.GetProperty("upgrades").GetRawText());
        Assert.Equal(1_000_000, json.GetProperty("maxPayload").GetInt32());
    }

    [Theory]
    [InlineData("/engine.io/?transport=polling")]
    [InlineData("/engine.io/?EIO=abc&transport=polling")]
    [InlineData("/engine.io/?EIO=3&transport=polling")]
    public async Task Handshake_without_protocol_version_4_answers_400(string url)
    {
        using var response = await _host.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/engine.io/?EIO=4")]
    [InlineData("/engine.io/?EIO=4&transport=abc")]
    [InlineData("/engine.io/?EIO=4&transport=constructor")]
    public async Task Handshake_with_unknown_transport_answers_400_transport_unknown(string url)
    {
        using var response = await _host.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("{\"code\":0,\"message\":\"Transport unknown\"}", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    public async Task Handshake_with_another_method_than_GET_answers_400(string method)
    {
        using var response = await _host.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/engine.io/?EIO=4&transport=polling"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Request_with_unknown_sid_answers_400_session_unknown()
    {
        using var response = await _host.Http.GetAsync("/engine.io/?EIO=4&transport=polling&sid=nope");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("{\"code\":1,\"message\":\"Session ID unknown\"}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WebSocket_handshake_with_unknown_transport_is_refused()
    {
        await Assert.ThrowsAnyAsync<Exception>(() => RawWebSocket.ConnectAsync(_host.WebSocketUri("/engine.io/?EIO=4&transport=abc")));
        await Assert.ThrowsAnyAsync<Exception>(() => RawWebSocket.ConnectAsync(_host.WebSocketUri("/engine.io/?transport=websocket")));
    }

    [Fact]
    public async Task Polling_answers_carry_CORS_headers_and_preflight_is_allowed()
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, "/socket.io/?EIO=4&transport=polling");
        get.Headers.Add("Origin", "http://example.test");
        using var response = await _host.Http.SendAsync(get);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/socket.io/?EIO=4&transport=polling");
        preflight.Headers.Add("Origin", "http://example.test");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type");
        using var answer = await _host.Http.SendAsync(preflight);
        Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        Assert.Contains("POST", answer.Headers.GetValues("Access-Control-Allow-Methods").Single());
        Assert.Equal("content-type", answer.Headers.GetValues("Access-Control-Allow-Headers").Single());
    }
}
