using PocketIT.Server.Tests.Infrastructure;

namespace PocketIT.Server.Tests.Hosting;

public sealed class CorsTests(CorsTests.WithAllowlist factory) : IClassFixture<CorsTests.WithAllowlist>
{
    public sealed class WithAllowlist : PocketItFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("PocketIT:Auth:CorsOrigins:0", "https://it.example.com")];
    }

    private async Task<HttpResponseMessage> Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/clients");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return await factory.Api().Http.SendAsync(request);
    }

    [Fact]
    public async Task An_allowlisted_origin_passes_the_preflight()
    {
        var response = await Preflight("https://it.example.com");
        Assert.Equal("https://it.example.com", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task The_servers_own_origin_passes_the_preflight()
    {
        var response = await Preflight("http://localhost:9100");
        Assert.True(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Any_other_origin_gets_no_cors_headers()
    {
        var response = await Preflight("https://evil.example.net");
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
