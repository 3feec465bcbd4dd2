using System.Net;
using PocketIT.Server.Core.Identity;
using PocketIT.Server.Tests.Infrastructure;
using static PocketIT.Server.Tests.Admin.AdminHarness;

namespace PocketIT.Server.Tests.Admin;

/// <summary>A TOTP code works once; a changed password or a 2FA reset ends the sessions issued before it.</summary>
public sealed class TokenSafetyTests(PocketItFactory factory) : IClassFixture<PocketItFactory>
{
    [Fact]
    public async Task A_totp_code_cannot_be_replayed()
    {
        var (account, api) = await factory.SignedInAsync(Roles.Technician);
        var (key, _) = await EnableTotpAsync(api);
        var code = NextCodeFor(key);

        var first = await factory.TempTokenAsync(account, "requires2FA");
        await (await factory.Remote().Post("/api/admin/verify-2fa", new { tempToken = first, code })).ShouldSucceed();

        var second = await factory.TempTokenAsync(account, "requires2FA");
        var replay = await factory.Remote().Post("/api/admin/verify-2fa", new { tempToken = second, code });
        Assert.Equal("Invalid verification code", await replay.ShouldFail(HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task The_code_used_to_confirm_setup_cannot_sign_in_again()
    {
        var (account, api) = await factory.SignedInAsync(Roles.Technician);
        var setup = await (await api.Post("/api/admin/2fa/setup")).ShouldSucceed();
        var key = setup["manualKey"]!.GetValue<string>();
        var code = CodeFor(key);
        await (await api.Post("/api/admin/2fa/confirm", new { code })).ShouldSucceed();

        var tempToken = await factory.TempTokenAsync(account, "requires2FA");
        await (await factory.Remote().Post("/api/admin/verify-2fa", new { tempToken, code })).ShouldFail(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Changing_the_password_ends_earlier_sessions()
    {
        var (account, api) = await factory.SignedInAsync(Roles.Viewer);
        await (await api.Get("/api/admin/user/profile")).ShouldSucceed();

        await (await api.Put("/api/admin/user/password", new { currentPassword = account.Password, newPassword = "A-brand-new-password-9" })).ShouldSucceed();

        Assert.Equal("Invalid or expired token", await (await api.Get("/api/admin/user/profile")).ShouldFail(HttpStatusCode.Unauthorized));
        var fresh = await factory.SignInAsync(account with { Password = "A-brand-new-password-9" });
        await (await fresh.Get("/api/admin/user/profile")).ShouldSucceed();
    }

    [Fact]
    public async Task An_admin_password_reset_ends_the_users_sessions()
    {
        var (account, api) = await factory.SignedInAsync(Roles.Technician);
        await (await factory.Api().Put($"/api/admin/users/{account.Id}", new { password = "Reset-by-admin-123" })).ShouldSucceed();
        await (await api.Get("/api/admin/user/profile")).ShouldFail(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_display_name_change_keeps_sessions_alive()
    {
        var (account, api) = await factory.SignedInAsync(Roles.Technician);
        await (await factory.Api().Put($"/api/admin/users/{account.Id}", new { display_name = "Renamed" })).ShouldSucceed();
        await (await api.Get("/api/admin/user/profile")).ShouldSucceed();
    }

    [Fact]
    public async Task Resetting_2fa_ends_earlier_sessions()
    {
        var (account, api) = await factory.SignedInAsync(Roles.Technician);
        await EnableTotpAsync(api);
        var login = await (await factory.Remote().Post("/api/admin/login", new { username = account.Username, password = account.Password })).ShouldSucceed();
        Assert.True(login["requires2FA"]!.GetValue<bool>());

        await (await api.Post("/api/admin/user/2fa/reset", new { password = account.Password })).ShouldSucceed();
        await (await api.Get("/api/admin/user/profile")).ShouldFail(HttpStatusCode.Unauthorized);
    }
}
