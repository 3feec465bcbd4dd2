using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PocketIT.Server.Tests.Infrastructure;

namespace PocketIT.Server.Tests.Admin;

public sealed class AdminEndpointPolicyTests(PocketItFactory factory) : IClassFixture<PocketItFactory>
{
    [Fact]
    public void Every_admin_endpoint_declares_a_policy_or_allows_anonymous_callers()
    {
        factory.CreateClient().Dispose(); // starts the host
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/admin") == true)
            .ToList();

        Assert.True(endpoints.Count >= 18, $"only {endpoints.Count} admin endpoints found");
        var undeclared = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null
                && !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy)))
            .Select(e => e.DisplayName)
            .ToList();
        Assert.Empty(undeclared);
    }

    [Theory]
    [InlineData("/api/admin/login")]
    [InlineData("/api/admin/verify-2fa")]
    [InlineData("/api/admin/2fa/setup")]
    [InlineData("/api/admin/2fa/confirm")]
    [InlineData("/api/admin/auto-login")]
    public void Sign_in_endpoints_are_rate_limited(string path)
    {
        factory.CreateClient().Dispose();
        var endpoint = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Single(e => e.RoutePattern.RawText == path);
        Assert.NotNull(endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>());
    }
}
