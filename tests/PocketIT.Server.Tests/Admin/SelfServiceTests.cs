using System.Net;
using PocketIT.Server.Core.Identity;
using PocketIT.Server.Tests.Infrastructure;
using static PocketIT.Server.Tests.Admin.AdminHarness;

namespace PocketIT.Server.Tests.Admin;

public sealed class SelfServiceTests(PocketItFactory factory) : IClassFixture<PocketItFactory>
{
    [Fact]
    public async Task A_viewer_reads_its_own_profile()
    {
        var (account, api) = await factory.SignedInAsync(Roles.Viewer);

        var body = await (await api.Get("/api/admin/user/profile")).ShouldSucceed();

        Assert.Equal(account.Id, body["id"]!.GetValue<int>());
        Assert.Equal(account.Username, body["username"]!.GetValue<string>());
        Assert.Equal("viewer", body["role"]!.GetValue<string>());
        Assert.NotNull(body["created_at"]);
        Assert.NotNull(body["last_login"]);
        Assert.Equal(0, body["backup_code_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Under_the_localhost_bypass_the_profile_is_the_bootstrap_admin()
    {
        var body = await (await factory.Api().Get("/api/admin/user/profile")).ShouldSucceed();
        Assert.Equal(BootstrapAdmin.Username, body["username"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_viewer_renames_itself()
    {
        var (account, api) = await factory.SignedInAsync(Roles.Viewer);

        Assert.True((await (await api.Put("/api/admin/user/profile", new { display_name = "  Jane Doe " })).ShouldSucceed())["success"]!.GetValue<bool>());

        Assert.Equal("Jane Doe", (await factory.UserRowAsync(account.Id))["display_name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Profile_update_needs_a_display_name_of_at_most_200_characters()
    {
        var (_, api) = await factory.SignedInAsync(Roles.Viewer);
        Assert.Equal("display_name is required", await (await api.Put("/api/admin/user/profile", new { })).ShouldFail(HttpStatusCode.BadRequest));
        await (await api.Put("/api/admin/user/profile", new { display_name = "   " })).ShouldFail(HttpStatusCode.BadRequest);
        await (await api.Put("/api/admin/user/profile", new { display_name = new string('x', 201) })).ShouldFail(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_viewer_changes_its_password_and_signs_in_with_the_new_one()
    {
        var (account, api) = await factory.SignedInAsync(Roles.Viewer);

        await (await api.Put("/api/admin/user/password", new { currentPassword = account.Password, newPassword = "Fresh-Password-9" })).ShouldSucceed();

        await (await factory.PostLoginAsync(account.Username, account.Password)).ShouldFail(HttpStatusCode.Unauthorized);
        await (await factory.PostLoginAsync(account.Username, "Fresh-Password-9")).ShouldSucceed();
        Assert.Single(await factory.AuditAsync("password_changed"), a => a.Actor == account.Username);
    }

    [Fact]
    public async Task Password_change_refuses_missing_fields_a_wrong_current_password_and_a_short_new_one()
    {
        var (account, api) = await factory.SignedInAsync(Roles.Technician);

        await (await api.Put("/api/admin/user/password", new { currentPassword = account.Password })).ShouldFail(HttpStatusCode.BadRequest);
        await (await api.Put("/api/admin/user/password", new { newPassword = "Long-Enough-1" })).ShouldFail(HttpStatusCode.BadRequest);
        // snake_case names are not the documented ones
        await (await api.Put("/api/admin/user/password", new { current_password = account.Password, new_password = "Long-Enough-1" })).ShouldFail(HttpStatusCode.BadRequest);
        Assert.Equal("Current password is incorrect",
            await (await api.Put("/api/admin/user/password", new { currentPassword = "not-it-at-all", newPassword = "Long-Enough-1" })).ShouldFail(HttpStatusCode.Unauthorized));
        await (await api.Put("/api/admin/user/password", new { currentPassword = account.Password, newPassword = "short" })).ShouldFail(HttpStatusCode.BadRequest);

        await (await factory.PostLoginAsync(account.Username, account.Password)).ShouldSucceed();
    }

    [Fact]
    public async Task Own_backup_codes_need_the_password_and_totp_on()
    {
        var (account, api) = await factory.SignedInAsync(Roles.Viewer);
        await (await api.Post("/api/admin/user/2fa/backup-codes", new { })).ShouldFail(HttpStatusCode.BadRequest);
        await (await api.Post("/api/admin/user/2fa/backup-codes", new { password = account.Password })).ShouldFail(HttpStatusCode.BadRequest);

        await EnableTotpAsync(api);
        Assert.Equal("Password is incorrect",
            await (await api.Post("/api/admin/user/2fa/backup-codes", new { password = "wrong-password" })).ShouldFail(HttpStatusCode.Unauthorized));
        var body = await (await api.Post("/api/admin/user/2fa/backup-codes", new { password = account.Password })).ShouldSucceed();

        Assert.True(body["success"]!.GetValue<bool>());
        Assert.Equal(10, body["backup_codes"]!.AsArray().Count);
        Assert.Single(await factory.AuditAsync("backup_codes_regenerated"), a => a.Actor == account.Username);
    }

    [Fact]
    public async Task Self_reset_clears_totp_and_codes_and_forces_setup_at_next_login()
    {
        var (account, api) = await factory.SignedInAsync(Roles.Viewer);
        await EnableTotpAsync(api);
        await (await api.Post("/api/admin/user/2fa/reset", new { password = "wrong-password" })).ShouldFail(HttpStatusCode.Unauthorized);
        await (await api.Post("/api/admin/user/2fa/reset", new { })).ShouldFail(HttpStatusCode.BadRequest);

        Assert.True((await (await api.Post("/api/admin/user/2fa/reset", new { password = account.Password })).ShouldSucceed())["success"]!.GetValue<bool>());

        Assert.Equal(0, (await factory.UserRowAsync(account.Id))["backup_code_count"]!.GetValue<int>());
        await factory.TempTokenAsync(account, "requiresSetup");
        Assert.Single(await factory.AuditAsync("2fa_self_reset"), a => a.Actor == account.Username);
    }

    [Fact]
    public async Task Preferences_round_trip_and_only_set_keys_come_back()
    {
        var (_, api) = await factory.SignedInAsync(Roles.Viewer);
        Assert.Empty((await (await api.Get("/api/admin/user/preferences")).ShouldSucceed()).AsObject());

        await (await api.Put("/api/admin/user/preferences", new { theme = "light", itemsPerPage = "50" })).ShouldSucceed();
        await (await api.Put("/api/admin/user/preferences", new { theme = "dark", dateFormat = "absolute" })).ShouldSucceed();

        var prefs = (await (await api.Get("/api/admin/user/preferences")).ShouldSucceed()).AsObject();
        Assert.Equal(["dateFormat", "itemsPerPage", "theme"], prefs.Select(p => p.Key).Order());
        Assert.Equal("dark", prefs["theme"]!.GetValue<string>());
        Assert.Equal("50", prefs["itemsPerPage"]!.GetValue<string>());
        Assert.Equal("absolute", prefs["dateFormat"]!.GetValue<string>());
    }

    [Fact]
    public async Task NUL_characters_are_stripped_from_preference_values()
    {
        var (_, api) = await factory.SignedInAsync(Roles.Viewer);

        await (await api.Send(HttpMethod.Put, "/api/admin/user/preferences", "{\"defaultPage\":\"fle\\u0000et\"}")).ShouldSucceed();

        Assert.Equal("fleet", (await (await api.Get("/api/admin/user/preferences")).ShouldSucceed())["defaultPage"]!.GetValue<string>());
    }

    [Fact]
    public async Task Preferences_are_per_user()
    {
        var (_, first) = await factory.SignedInAsync(Roles.Viewer);
        var (_, second) = await factory.SignedInAsync(Roles.Viewer);
        await (await first.Put("/api/admin/user/preferences", new { defaultPage = "tickets" })).ShouldSucceed();

        Assert.Empty((await (await second.Get("/api/admin/user/preferences")).ShouldSucceed()).AsObject());
    }

    [Fact]
    public async Task Unknown_preference_keys_of_any_type_are_ignored()
    {
        var (_, api) = await factory.SignedInAsync(Roles.Viewer);

        await (await api.Send(HttpMethod.Put, "/api/admin/user/preferences",
            "{\"theme\":\"light\",\"timezone\":\"UTC\",\"nested\":{\"a\":[1,2]},\"count\":3,\"flag\":null}")).ShouldSucceed();

        var prefs = (await (await api.Get("/api/admin/user/preferences")).ShouldSucceed()).AsObject();
        Assert.Equal(["theme"], prefs.Select(p => p.Key));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"timezone\":\"UTC\"}")]
    [InlineData("null")]
    public async Task Preferences_without_a_valid_key_are_400(string body)
    {
        var (_, api) = await factory.SignedInAsync(Roles.Viewer);
        Assert.Equal("No valid preference keys provided",
            await (await api.Send(HttpMethod.Put, "/api/admin/user/preferences", body)).ShouldFail(HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData("{\"theme\":\"purple\"}")]
    [InlineData("{\"theme\":1}")]
    [InlineData("{\"dateFormat\":\"iso\"}")]
    [InlineData("{\"itemsPerPage\":50}")]
    [InlineData("{\"itemsPerPage\":\"0\"}")]
    [InlineData("{\"itemsPerPage\":\"-5\"}")]
    [InlineData("{\"itemsPerPage\":\"501\"}")]
    [InlineData("{\"itemsPerPage\":\"ten\"}")]
    [InlineData("{\"defaultPage\":\"\"}")]
    [InlineData("{\"theme\":\"dark\",\"dateFormat\":true}")]
    [InlineData("[\"theme\"]")]
    public async Task Bad_preference_values_are_400_and_nothing_is_saved(string body)
    {
        var (_, api) = await factory.SignedInAsync(Roles.Viewer);

        await (await api.Send(HttpMethod.Put, "/api/admin/user/preferences", body)).ShouldFail(HttpStatusCode.BadRequest);

        Assert.Empty((await (await api.Get("/api/admin/user/preferences")).ShouldSucceed()).AsObject());
    }

    [Fact]
    public async Task Self_service_needs_a_signed_in_user()
    {
        await (await factory.Remote().Get("/api/admin/user/profile")).ShouldFail(HttpStatusCode.Unauthorized);
        await (await factory.Remote().Put("/api/admin/user/preferences", new { theme = "dark" })).ShouldFail(HttpStatusCode.Unauthorized);
        await (await factory.Remote().Put("/api/admin/user/password", new { currentPassword = "a", newPassword = "bbbbbbbbb" })).ShouldFail(HttpStatusCode.Unauthorized);
    }
}
