using System.Net;
using PocketIT.SocketIO.Tests.Support;

namespace PocketIT.SocketIO.Tests.Engine;

public sealed class EngineIOPollingTests : IAsyncLifetime
{
    private TestHost _host = null!;
    public async Task InitializeAsync() => _host = await TestHost.StartConformanceAsync();
    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Polling_post_is_answered_ok_and_the_echo_comes_on_the_next_get()
    {
        var client = await PollingClient.OpenAsync(_host, "/engine.io");
        await client.PostOkAsync("4hello");
        Assert.Equal("4hello", await client.GetOkAsync());
    }

    [Fact]
    public async Task Polling_payload_joins_packets_with_record_separator_and_base64_binary()
    {
        var client = await PollingClient.OpenAsync(_host, "/engine.io");
        await client.PostOkAsync("4test1\u001e4test2\u001ebAQIDBA==");
        Assert.Equal("4test1\u001e4test2\u001ebAQIDBA==", await client.GetOkAsync());
    }

    [Fact]
    public async Task Polling_get_is_held_until_there_is_data()
    {
        var client = await PollingClient.OpenAsync(_host, "/engine.io");
        var poll = client.GetAsync();
        await Task.Delay(100);
        Assert.False(poll.IsCompleted);
        await client.PostOkAsync("4late");
        var (status, body) = await poll;
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("4late", body);
    }

    [Fact]
    public async Task Polling_post_over_max_payload_answers_413()
    {
        var client = await PollingClient.OpenAsync(_host, "/engine.io");
        var (status, _) = await client.PostAsync("4" + new string('x', 1_000_001));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
    }

    [Fact]
    public async Task Polling_invalid_packet_closes_the_session()
    {
        var client = await PollingClient.OpenAsync(_host, "/engine.io");
        var (status, _) = await client.PostAsync("abc");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync()).Status);
    }

    [Fact]
    public async Task Overlapping_polls_close_the_session_and_the_first_gets_a_close_packet()
    {
        var client = await PollingClient.OpenAsync(_host, "/engine.io");
        var first = client.GetAsync();
        await Task.Delay(50);
        var second = await client.GetAsync();
        Assert.Equal(HttpStatusCode.BadRequest, second.Status);
        var (status, body) = await first;
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("1", body);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync()).Status);
    }

    [Fact]
    public async Task Client_close_packet_ends_the_pending_poll_with_a_noop_and_the_session()
    {
        var client = await PollingClient.OpenAsync(_host, "/engine.io");
        var poll = client.GetAsync();
        await Task.Delay(50);
        await client.PostOkAsync("1");
        var (status, body) = await poll;
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("6", body);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync()).Status);
    }

    [Fact]
    public async Task Client_ping_is_answered_with_pong()
    {
        var client = await PollingClient.OpenAsync(_host, "/engine.io");
        for (var i = 0; i < 3; i++)
        {
            await client.PostOkAsync("2");
            Assert.Equal("3", await client.GetOkAsync());
        }
    }

    [Fact]
    public async Task Polling_request_with_unsupported_method_on_a_session_answers_400()
    {
        var client = await PollingClient.OpenAsync(_host, "/engine.io");
        using var response = await _host.Http.PutAsync(client.Url, new StringContent("4x"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
