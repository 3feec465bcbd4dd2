using System.Net;
using PocketIT.Server.Core.Identity;
using PocketIT.Server.Tests.Infrastructure;

namespace PocketIT.Server.Tests.Admin;

public sealed class SignInTests(PocketItFactory factory) : IClassFixture<PocketItFactory>
{
    [Fact]
    public async Task Admin_login_returns_token_user_and_every_client()
    {
        var first = await factory.Api().CreateClientAsync();
        var second = await factory.Api().CreateClientAsync();
        var account = await factory.CreateAccountAsync(Roles.Admin);

        var body = await (await factory.PostLoginAsync(account.Username, account.Password)).ShouldSucceed();

        Assert.False(string.IsNullOrEmpty(body["token"]!.GetValue<string>()));
        Assert.Equal(account.Id, body["user"]!["id"]!.GetValue<int>());
        Assert.Equal(account.Username, body["user"]!["username"]!.GetValue<string>());
        Assert.Equal(account.Username, body["user"]!["display_name"]!.GetValue<string>());
        Assert.Equal("admin", body["user"]!["role"]!.GetValue<string>());
        var clients = body["clients"]!.AsArray();
        Assert.Contains(clients, c => c!["id"]!.GetValue<int>() == first);
        Assert.Contains(clients, c => c!["id"]!.GetValue<int>() == second);
        Assert.All(clients, c => Assert.False(string.IsNullOrEmpty(c!["slug"]!.GetValue<string>())));
    }

    [Fact]
    public async Task Technician_login_lists_only_assigned_clients()
    {
        var assigned = await factory.Api().CreateClientAsync();
        await factory.Api().CreateClientAsync();
        var account = await factory.CreateAccountAsync(Roles.Technician, assigned);

        var body = await (await factory.PostLoginAsync(account.Username, account.Password)).ShouldSucceed();

        Assert.Equal([assigned], body["clients"]!.Ids());
    }

    [Fact]
    public async Task Viewer_without_assignments_gets_an_empty_client_list()
    {
        await factory.Api().CreateClientAsync();
        var account = await factory.CreateAccountAsync(Roles.Viewer);

        var body = await (await factory.PostLoginAsync(account.Username, account.Password)).ShouldSucceed();

        Assert.Empty(body["clients"]!.AsArray());
    }

    [Fact]
    public async Task The_token_from_login_works_on_protected_endpoints()
    {
        var (account, api) = await factory.SignedInAsync(Roles.Viewer);
        var profile = await (await api.Get("/api/admin/user/profile")).ShouldSucceed();
        Assert.Equal(account.Id, profile["id"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"username\":\"admin\"}")]
    [InlineData("{\"password\":\"x\"}")]
    [InlineData("{\"username\":\"  \",\"password\":\"x\"}")]
    public async Task Login_without_username_or_password_is_400(string body)
    {
        var message = await (await factory.Remote().Send(HttpMethod.Post, "/api/admin/login", body)).ShouldFail(HttpStatusCode.BadRequest);
        Assert.Equal("Username and password required", message);
    }

    [Fact]
    public async Task Failed_logins_are_401_and_audited_with_reason_and_ip()
    {
        var account = await factory.CreateAccountAsync(Roles.Technician);
        var unknown = "ghost-" + Guid.NewGuid().ToString("N")[..8];

        Assert.Equal("Invalid credentials", await (await factory.PostLoginAsync(account.Username, "wrong-password")).ShouldFail(HttpStatusCode.Unauthorized));
        Assert.Equal("Invalid credentials", await (await factory.PostLoginAsync(unknown, "whatever")).ShouldFail(HttpStatusCode.Unauthorized));

        var failures = await factory.AuditAsync("login_failed");
        var wrongPassword = Assert.Single(failures, a => a.Target == account.Username);
        Assert.Contains("\"reason\":\"invalid_password\"", wrongPassword.Details);
        Assert.Contains("\"ip\":\"10.", wrongPassword.Details);
        Assert.Contains("\"reason\":\"user_not_found\"", Assert.Single(failures, a => a.Target == unknown).Details);
    }

    [Fact]
    public async Task Successful_login_sets_last_login_and_is_audited()
    {
        var account = await factory.CreateAccountAsync(Roles.Technician);
        Assert.Null((await factory.UserRowAsync(account.Id))["last_login"]);

        await factory.SignInAsync(account);

        var lastLogin = (await factory.UserRowAsync(account.Id))["last_login"]!.GetValue<string>();
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", lastLogin);
        Assert.Single(await factory.AuditAsync("login_success"), a => a.Actor == account.Username);
    }

    [Fact]
    public async Task Auto_login_over_the_localhost_bypass_signs_in_the_bootstrap_admin()
    {
        var body = await (await factory.Api().Post("/api/admin/auto-login")).ShouldSucceed();

        Assert.Equal(BootstrapAdmin.Username, body["user"]!["username"]!.GetValue<string>());
        Assert.Equal(Roles.Superadmin, body["user"]!["role"]!.GetValue<string>());
        Assert.NotNull(body["clients"]!.AsArray());
        var profile = await (await factory.RemoteApi().WithToken(body["token"]!.GetValue<string>()).Get("/api/admin/user/profile")).ShouldSucceed();
        Assert.Equal(BootstrapAdmin.Username, profile["username"]!.GetValue<string>());
    }

    [Fact]
    public async Task Auto_login_from_a_remote_address_is_403()
    {
        await (await factory.Remote().Post("/api/admin/auto-login")).ShouldFail(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Auto_login_through_a_proxy_is_403_even_on_loopback()
    {
        var viaProxy = factory.Api().WithHeader("X-Forwarded-For", "198.51.100.20");
        await (await viaProxy.Post("/api/admin/auto-login")).ShouldFail(HttpStatusCode.Forbidden);
    }
}

public sealed class AutoLoginWithoutBypassTests(NoBypassFactory factory) : IClassFixture<NoBypassFactory>
{
    [Fact]
    public async Task Auto_login_is_403_when_the_localhost_bypass_is_switched_off()
    {
        await (await factory.Api().Post("/api/admin/auto-login")).ShouldFail(HttpStatusCode.Forbidden);
    }
}
