using PocketIT.Server.Core.Hosting;

namespace PocketIT.Server.Core.Http;

/// <summary>
/// Browsers may call the API from the server's own origin and from the configured allowlist
/// (<c>PocketIT:Auth:CorsOrigins</c>); no wildcard, since the API trusts bearer tokens held by pages.
/// </summary>
public static class CorsPolicy
{
    public static IServiceCollection AddPocketItCors(this IServiceCollection services, PocketItOptions options)
    {
        var port = options.Faces.PocketIt.Port;
        var origins = options.Auth.CorsOrigins
            .Concat([$"http://localhost:{port}", $"https://localhost:{port}", $"http://127.0.0.1:{port}"])
            .Select(o => o.TrimEnd('/'))
            .ToArray();
        services.AddCors(o => o.AddDefaultPolicy(p => p
            .WithOrigins(origins)
            .AllowAnyHeader()
            .AllowAnyMethod()
            .AllowCredentials()
            .WithExposedHeaders("Retry-After", "Content-Disposition")));
        return services;
    }
}
