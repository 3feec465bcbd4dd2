using System.Net;
using PocketIT.Server.Tests.Infrastructure;

namespace PocketIT.Server.Tests.Installer;

public sealed class PackageRateLimitTests(TightPackageLimitFactory factory) : IClassFixture<TightPackageLimitFactory>
{
    [Fact]
    public async Task Remote_callers_are_limited_per_ip_but_loopback_is_not()
    {
        var remote = factory.Api("198.51.100.9");
        await (await remote.Get("/api/installer/package?token=nope")).ShouldFail(HttpStatusCode.Unauthorized);
        await (await remote.Get("/api/installer/package?token=nope")).ShouldFail(HttpStatusCode.Unauthorized);
        var limited = await remote.Get("/api/installer/package?token=nope");
        await limited.ShouldFail(HttpStatusCode.TooManyRequests);
        Assert.NotNull(limited.Headers.RetryAfter);

        await (await factory.Api("198.51.100.10").Get("/api/installer/package?token=nope")).ShouldFail(HttpStatusCode.Unauthorized);
        for (var i = 0; i < 3; i++)
            await (await factory.Api().Get("/api/installer/package?token=nope")).ShouldFail(HttpStatusCode.Unauthorized);
    }
}
