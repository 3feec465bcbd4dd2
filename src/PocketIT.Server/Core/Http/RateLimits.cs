using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using PocketIT.Server.Core.Hosting;
using PocketIT.Server.Core.Identity;

namespace PocketIT.Server.Core.Http;

/// <summary>
/// The roadmap's limits: anonymous remote callers 100/min per IP on the Pocket IT API, login and 2FA
/// throttled per remote IP, enrollment tokens 10/hour per staff user, agent package downloads 30/hour per IP. Loopback-bypass requests are exempt.
/// </summary>
public static class RateLimits
{
    public const string Auth = "auth";
    public const string EnrollmentTokens = "enrollment-tokens";
    public const string PackageDownloads = "package-downloads";

    public static IServiceCollection AddPocketItRateLimits(this IServiceCollection services, PocketItOptions options)
    {
        var limits = options.RateLimits;
        var apiPort = options.Faces.PocketIt.Port;
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Request.Host.Port != apiPort || !context.Request.Path.StartsWithSegments("/api")
                    || context.User.Identity?.IsAuthenticated == true
                    ? RateLimitPartition.GetNoLimiter("exempt")
                    : RateLimitPartition.GetFixedWindowLimiter("ip:" + ClientIp(context), _ => Window(limits.ApiPerMinute, TimeSpan.FromMinutes(1))));

            o.AddPolicy(Auth, context => IsLocal(context, options)
                ? RateLimitPartition.GetNoLimiter("local")
                : RateLimitPartition.GetFixedWindowLimiter("auth:" + ClientIp(context), _ => Window(limits.AuthPer15Minutes, TimeSpan.FromMinutes(15))));

            o.AddPolicy(EnrollmentTokens, context => context.User.Staff() is { ViaLocalhostBypass: false } caller
                ? RateLimitPartition.GetFixedWindowLimiter("user:" + caller.Id, _ => Window(limits.EnrollmentTokensPerHour, TimeSpan.FromHours(1)))
                : RateLimitPartition.GetNoLimiter("local"));

            o.AddPolicy(PackageDownloads, context => IsLocal(context, options)
                ? RateLimitPartition.GetNoLimiter("local")
                : RateLimitPartition.GetFixedWindowLimiter("package:" + ClientIp(context), _ => Window(limits.PackageDownloadsPerHour, TimeSpan.FromHours(1))));

            o.OnRejected = async (ctx, token) =>
            {
                var retry = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                ctx.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)).ToString();
                await ApiErrors.Write(ctx.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests, please retry later");
            };
        });
        return services;
    }

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) => new()
    {
        PermitLimit = Math.Max(1, permits),
        Window = window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static bool IsLocal(HttpContext context, PocketItOptions options) =>
        LocalhostBypass.Applies(context, options.Auth.LocalhostBypass);

    private static string ClientIp(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
