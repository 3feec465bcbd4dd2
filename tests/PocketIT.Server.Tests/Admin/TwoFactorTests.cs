using System.Net;
using System.Text.RegularExpressions;
using PocketIT.Server.Core.Identity;
using PocketIT.Server.Tests.Infrastructure;
using static PocketIT.Server.Tests.Admin.AdminHarness;

namespace PocketIT.Server.Tests.Admin;

public sealed class TwoFactorTests(PocketItFactory factory) : IClassFixture<PocketItFactory>
{
    [Fact]
    public async Task Setup_returns_manual_key_otpauth_uri_and_qr_image()
    {
        var (account, api) = await factory.SignedInAsync(Roles.Technician);

        var body = await (await api.Post("/api/admin/2fa/setup")).ShouldSucceed();

        var key = body["manualKey"]!.GetValue<string>();
        Assert.Matches("^[A-Z2-7]{32}$", key);
        var uri = body["otpauthUri"]!.GetValue<string>();
        Assert.StartsWith("otpauth://totp/", uri);
        Assert.Contains("secret=" + key, uri);
        Assert.Contains(account.Username, uri);
        Assert.StartsWith("data:image/png;base64,", body["qrDataUri"]!.GetValue<string>());
    }

    [Fact]
    public async Task Confirm_enables_totp_and_returns_a_token_and_ten_backup_codes()
    {
        var (account, api) = await factory.SignedInAsync(Roles.Technician);
        var key = (await (await api.Post("/api/admin/2fa/setup")).ShouldSucceed())["manualKey"]!.GetValue<string>();

        var body = await (await api.Post("/api/admin/2fa/confirm", new { code = CodeFor(key) })).ShouldSucceed();

        Assert.False(string.IsNullOrEmpty(body["token"]!.GetValue<string>()));
        Assert.Equal(account.Id, body["user"]!["id"]!.GetValue<int>());
        Assert.NotNull(body["clients"]!.AsArray());
        var codes = body["backup_codes"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        Assert.Equal(10, codes.Count);
        Assert.All(codes, c => Assert.Matches("^[A-Z]{4}-[0-9]{4}$", c));
        Assert.Equal(10, (await factory.UserRowAsync(account.Id))["backup_code_count"]!.GetValue<int>());
        Assert.Single(await factory.AuditAsync("2fa_enabled"), a => a.Target == account.Username);
    }

    [Fact]
    public async Task With_totp_on_login_asks_for_a_code_and_verify_completes_the_sign_in()
    {
        var (account, api) = await factory.SignedInAsync(Roles.Technician);
        var (key, _) = await EnableTotpAsync(api);

        var tempToken = await factory.TempTokenAsync(account, "requires2FA");
        var body = await (await factory.Remote().Post("/api/admin/verify-2fa", new { tempToken, code = NextCodeFor(key) })).ShouldSucceed();

        Assert.Equal(account.Username, body["user"]!["username"]!.GetValue<string>());
        Assert.NotNull(body["clients"]!.AsArray());
        await (await factory.Remote().WithToken(body["token"]!.GetValue<string>()).Get("/api/admin/user/profile")).ShouldSucceed();
    }

    [Fact]
    public async Task A_backup_code_signs_in_once_and_is_then_used_up()
    {
        var (account, api) = await factory.SignedInAsync(Roles.Technician);
        var (_, codes) = await EnableTotpAsync(api);
        var code = codes[3].ToLowerInvariant().Replace("-", ""); // case and hyphen do not matter

        var tempToken = await factory.TempTokenAsync(account, "requires2FA");
        await (await factory.Remote().Post("/api/admin/verify-2fa", new { tempToken, code })).ShouldSucceed();
        Assert.Single(await factory.AuditAsync("2fa_backup_code_used"), a => a.Actor == account.Username);
        Assert.Equal(9, (await factory.UserRowAsync(account.Id))["backup_code_count"]!.GetValue<int>());

        var again = await factory.TempTokenAsync(account, "requires2FA");
        await (await factory.Remote().Post("/api/admin/verify-2fa", new { tempToken = again, code })).ShouldFail(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_wrong_code_is_401_and_audited()
    {
        var (account, api) = await factory.SignedInAsync(Roles.Technician);
        var (key, _) = await EnableTotpAsync(api);
        var tempToken = await factory.TempTokenAsync(account, "requires2FA");

        var message = await (await factory.Remote().Post("/api/admin/verify-2fa", new { tempToken, code = WrongCodeFor(key) }))
            .ShouldFail(HttpStatusCode.Unauthorized);

        Assert.Equal("Invalid verification code", message);
        Assert.Single(await factory.AuditAsync("2fa_verification_failed"), a => a.Actor == account.Username);
    }

    [Fact]
    public async Task Wrong_codes_count_toward_the_lockout()
    {
        var (account, api) = await factory.SignedInAsync(Roles.Technician);
        var (key, _) = await EnableTotpAsync(api);
        var tempToken = await factory.TempTokenAsync(account, "requires2FA");

        for (var i = 0; i < 5; i++)
            await (await factory.Remote().Post("/api/admin/verify-2fa", new { tempToken, code = WrongCodeFor(key) })).ShouldFail(HttpStatusCode.Unauthorized);

        var locked = await factory.Remote().Post("/api/admin/verify-2fa", new { tempToken, code = CodeFor(key) });
        await locked.ShouldFail(HttpStatusCode.TooManyRequests);
        Assert.NotNull(locked.Headers.RetryAfter);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"tempToken\":\"x\"}")]
    [InlineData("{\"code\":\"123456\"}")]
    public async Task Verify_without_temp_token_or_code_is_400(string body)
    {
        await (await factory.Remote().Send(HttpMethod.Post, "/api/admin/verify-2fa", body)).ShouldFail(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Verify_with_a_bad_temp_token_is_401()
    {
        await (await factory.Remote().Post("/api/admin/verify-2fa", new { tempToken = "not-a-token", code = "123456" }))
            .ShouldFail(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Verify_refuses_a_full_token_in_place_of_the_temp_token()
    {
        var account = await factory.CreateAccountAsync(Roles.Technician);
        var full = (await (await factory.PostLoginAsync(account.Username, account.Password)).ShouldSucceed())["token"]!.GetValue<string>();
        await (await factory.Remote().Post("/api/admin/verify-2fa", new { tempToken = full, code = "123456" }))
            .ShouldFail(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_temp_token_from_before_a_2fa_reset_is_refused()
    {
        var (account, api) = await factory.SignedInAsync(Roles.Technician);
        var (key, _) = await EnableTotpAsync(api);
        var tempToken = await factory.TempTokenAsync(account, "requires2FA");
        await (await api.Post("/api/admin/user/2fa/reset", new { password = account.Password })).ShouldSucceed();

        await (await factory.Remote().Post("/api/admin/verify-2fa", new { tempToken, code = NextCodeFor(key) })).ShouldFail(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_temp_token_is_refused_on_normal_endpoints()
    {
        var (account, api) = await factory.SignedInAsync(Roles.Admin);
        await EnableTotpAsync(api);
        var tempToken = await factory.TempTokenAsync(account, "requires2FA");

        var message = await (await factory.Remote().WithToken(tempToken).Get("/api/admin/user/profile")).ShouldFail(HttpStatusCode.Unauthorized);
        Assert.Equal("Full authentication required", message);
        await (await factory.Api().WithToken(tempToken).Get("/api/admin/users")).ShouldFail(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task After_a_self_reset_login_requires_setup_which_completes_the_sign_in()
    {
        var (account, api) = await factory.SignedInAsync(Roles.Technician);
        await EnableTotpAsync(api);
        await (await api.Post("/api/admin/user/2fa/reset", new { password = account.Password })).ShouldSucceed();

        var tempToken = await factory.TempTokenAsync(account, "requiresSetup");
        var setup = await (await factory.Remote().Post("/api/admin/2fa/setup", new { tempToken })).ShouldSucceed();
        var key = setup["manualKey"]!.GetValue<string>();
        var confirmed = await (await factory.Remote().Post("/api/admin/2fa/confirm", new { tempToken, code = CodeFor(key) })).ShouldSucceed();

        Assert.Equal(account.Id, confirmed["user"]!["id"]!.GetValue<int>());
        Assert.Equal(10, confirmed["backup_codes"]!.AsArray().Count);
        await (await factory.Remote().WithToken(confirmed["token"]!.GetValue<string>()).Get("/api/admin/user/profile")).ShouldSucceed();
        // setup is no longer demanded: the next login is a normal 2FA challenge
        await factory.TempTokenAsync(account, "requires2FA");
    }

    [Fact]
    public async Task A_setup_temp_token_cannot_be_used_to_verify_and_a_verify_token_cannot_set_up()
    {
        var (account, api) = await factory.SignedInAsync(Roles.Technician);
        await EnableTotpAsync(api);
        var verifyToken = await factory.TempTokenAsync(account, "requires2FA");
        await (await factory.Remote().Post("/api/admin/2fa/setup", new { tempToken = verifyToken })).ShouldFail(HttpStatusCode.Unauthorized);

        await (await api.Post("/api/admin/user/2fa/reset", new { password = account.Password })).ShouldSucceed();
        var setupToken = await factory.TempTokenAsync(account, "requiresSetup");
        await (await factory.Remote().Post("/api/admin/verify-2fa", new { tempToken = setupToken, code = "123456" })).ShouldFail(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Confirm_without_a_setup_is_400()
    {
        var (_, api) = await factory.SignedInAsync(Roles.Technician);
        await (await api.Post("/api/admin/2fa/confirm", new { code = "123456" })).ShouldFail(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Confirm_with_a_wrong_code_is_401_and_leaves_totp_off()
    {
        var (account, api) = await factory.SignedInAsync(Roles.Technician);
        var key = (await (await api.Post("/api/admin/2fa/setup")).ShouldSucceed())["manualKey"]!.GetValue<string>();

        await (await api.Post("/api/admin/2fa/confirm", new { code = WrongCodeFor(key) })).ShouldFail(HttpStatusCode.Unauthorized);

        var login = await (await factory.PostLoginAsync(account.Username, account.Password)).ShouldSucceed();
        Assert.NotNull(login["token"]);
    }

    [Fact]
    public async Task Setup_needs_a_temp_token_or_a_bearer_token()
    {
        await (await factory.Remote().Post("/api/admin/2fa/setup")).ShouldFail(HttpStatusCode.BadRequest);
        await (await factory.Remote().Post("/api/admin/2fa/setup", new { tempToken = "garbage" })).ShouldFail(HttpStatusCode.Unauthorized);
        await (await factory.Remote().WithToken("garbage").Post("/api/admin/2fa/setup")).ShouldFail(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Setup_with_a_bearer_token_needs_no_body()
    {
        var (_, api) = await factory.SignedInAsync(Roles.Viewer);
        var body = await (await api.Http.PostAsync("/api/admin/2fa/setup", content: null)).ShouldSucceed();
        Assert.NotNull(body["manualKey"]);
    }

    [Fact]
    public async Task Setup_is_refused_while_totp_is_already_on()
    {
        var (_, api) = await factory.SignedInAsync(Roles.Technician);
        await EnableTotpAsync(api);
        await (await api.Post("/api/admin/2fa/setup")).ShouldFail(HttpStatusCode.BadRequest);
    }
}
