using System.Net;
using PocketIT.Server.Core.Identity;
using PocketIT.Server.Tests.Infrastructure;

namespace PocketIT.Server.Tests.Admin;

public sealed class LoginLockoutTests(PocketItFactory factory) : IClassFixture<PocketItFactory>
{
    [Fact]
    public async Task The_sixth_attempt_after_five_failures_is_429_with_retry_after_even_with_the_right_password()
    {
        var account = await factory.CreateAccountAsync(Roles.Technician);
        for (var i = 0; i < 5; i++)
            await (await factory.PostLoginAsync(account.Username, "wrong-password")).ShouldFail(HttpStatusCode.Unauthorized);

        var locked = await factory.PostLoginAsync(account.Username, account.Password);

        await locked.ShouldFail(HttpStatusCode.TooManyRequests);
        Assert.True(locked.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After missing");
    }

    [Fact]
    public async Task The_lockout_is_per_username_and_applies_from_localhost_too()
    {
        var locked = await factory.CreateAccountAsync(Roles.Technician);
        var other = await factory.CreateAccountAsync(Roles.Technician);
        for (var i = 0; i < 5; i++)
            await (await factory.Api().Post("/api/admin/login", new { username = locked.Username, password = "wrong" })).ShouldFail(HttpStatusCode.Unauthorized);

        await (await factory.Api().Post("/api/admin/login", new { username = locked.Username, password = locked.Password })).ShouldFail(HttpStatusCode.TooManyRequests);
        await (await factory.PostLoginAsync(other.Username, other.Password)).ShouldSucceed();
    }

    [Fact]
    public async Task Unknown_usernames_are_locked_as_well()
    {
        var ghost = "ghost-" + Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 5; i++)
            await (await factory.PostLoginAsync(ghost, "guess")).ShouldFail(HttpStatusCode.Unauthorized);
        await (await factory.PostLoginAsync(ghost, "guess")).ShouldFail(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task A_success_before_the_fifth_failure_resets_the_count()
    {
        var account = await factory.CreateAccountAsync(Roles.Technician);
        for (var i = 0; i < 4; i++)
            await (await factory.PostLoginAsync(account.Username, "wrong-password")).ShouldFail(HttpStatusCode.Unauthorized);
        await (await factory.PostLoginAsync(account.Username, account.Password)).ShouldSucceed();

        await (await factory.PostLoginAsync(account.Username, "wrong-password")).ShouldFail(HttpStatusCode.Unauthorized);
        await (await factory.PostLoginAsync(account.Username, account.Password)).ShouldSucceed();
    }
}

/// <summary>A low per-IP login limit, so the throttle can be reached in a few requests.</summary>
public sealed class LowAuthLimitFactory : PocketItFactory
{
    public const int Limit = 3;
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("PocketIT:RateLimits:AuthPer15Minutes", Limit.ToString())];
}

public sealed class LoginThrottleTests(LowAuthLimitFactory factory) : IClassFixture<LowAuthLimitFactory>
{
    [Fact]
    public async Task Logins_from_one_remote_address_beyond_the_limit_get_429_with_retry_after()
    {
        var caller = factory.Api("198.51.100.77");
        for (var i = 0; i < LowAuthLimitFactory.Limit; i++)
            await (await caller.Post("/api/admin/login", new { username = "nobody-" + i, password = "x" })).ShouldFail(HttpStatusCode.Unauthorized);

        var throttled = await caller.Post("/api/admin/login", new { username = "admin", password = PocketItFactory.AdminPassword });

        await throttled.ShouldFail(HttpStatusCode.TooManyRequests);
        Assert.True(throttled.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After missing");
        // other addresses keep their own budget
        await (await factory.Api("198.51.100.78").Post("/api/admin/login", new { username = "admin", password = PocketItFactory.AdminPassword })).ShouldSucceed();
    }

    [Fact]
    public async Task The_2fa_endpoints_share_the_login_throttle()
    {
        var caller = factory.Api("198.51.100.90");
        for (var i = 0; i < LowAuthLimitFactory.Limit; i++)
            await (await caller.Post("/api/admin/verify-2fa", new { tempToken = "x", code = "123456" })).ShouldFail(HttpStatusCode.Unauthorized);

        await (await caller.Post("/api/admin/2fa/setup", new { tempToken = "x" })).ShouldFail(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Localhost_logins_are_not_throttled()
    {
        for (var i = 0; i < LowAuthLimitFactory.Limit + 2; i++)
            await (await factory.Api().Post("/api/admin/login", new { username = "admin", password = PocketItFactory.AdminPassword })).ShouldSucceed();
    }
}
