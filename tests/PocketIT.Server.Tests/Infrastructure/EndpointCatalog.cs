using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace PocketIT.Server.Tests.Infrastructure;

/// <summary>One endpoint of the Pocket IT face as routing sees it, with the policy it declares.</summary>
public sealed record ApiEndpoint(string Method, string Route, string? Policy, bool Anonymous)
{
    public override string ToString() => $"{Method} {Route}";

    public bool IsWrite => Method is "POST" or "PUT" or "PATCH" or "DELETE";
}

public static class EndpointCatalog
{
    /// <summary>Documentation routes: public by design, and not part of the API contract.</summary>
    public static bool IsDocs(string route) => route.StartsWith("/openapi", StringComparison.Ordinal) || route.StartsWith("/docs", StringComparison.Ordinal) || route == "/";

    /// <summary>The Socket.IO transport: each namespace authenticates its own connections (tested over real sockets), not each HTTP request.</summary>
    public static bool IsRealtime(string route) => route.StartsWith("/socket.io", StringComparison.Ordinal);

    public static IReadOnlyList<ApiEndpoint> All(PocketItFactory factory)
    {
        _ = factory.Server; // make sure the host is built
        var sources = factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        var result = new List<ApiEndpoint>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"];
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policy = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);
            foreach (var method in methods)
                result.Add(new ApiEndpoint(method, route, policy, anonymous));
        }
        return result.DistinctBy(e => e.ToString()).OrderBy(e => e.Route).ThenBy(e => e.Method).ToList();
    }

    /// <summary>The REST API endpoints (docs and the Socket.IO transport excluded).</summary>
    public static IReadOnlyList<ApiEndpoint> Api(PocketItFactory factory) => All(factory).Where(e => !IsDocs(e.Route) && !IsRealtime(e.Route)).ToList();
}
