using System.Net;
using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Core.Identity;
using PocketIT.Server.Tests.Infrastructure;
using static PocketIT.Server.Tests.Admin.AdminHarness;

namespace PocketIT.Server.Tests.Admin;

public sealed class UserManagementTests(PocketItFactory factory) : IClassFixture<PocketItFactory>
{
    private async Task<int> BootstrapAdminIdAsync()
    {
        var profile = await (await factory.Api().Get("/api/admin/user/profile")).ShouldSucceed();
        return profile["id"]!.GetValue<int>();
    }

    /// <summary>Read from the table itself: the cascade is the database's job.</summary>
    private async Task<int> AssignmentsOfAsync(int userId)
    {
        var count = -1;
        await factory.WithDbAsync(async db => count = await db.UserClientAssignments.CountAsync(a => a.UserId == userId));
        return count;
    }

    [Fact]
    public async Task Listing_shows_every_user_with_dates_and_backup_code_count()
    {
        var (account, api) = await factory.SignedInAsync(Roles.Technician);
        await EnableTotpAsync(api);

        var users = (await (await factory.Api().Get("/api/admin/users")).ShouldSucceed()).AsArray();

        Assert.Contains(users, u => u!["username"]!.GetValue<string>() == BootstrapAdmin.Username);
        var row = users.Single(u => u!["id"]!.GetValue<int>() == account.Id)!;
        Assert.Equal(account.Username, row["username"]!.GetValue<string>());
        Assert.Equal(account.Username, row["display_name"]!.GetValue<string>());
        Assert.Equal("technician", row["role"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", row["created_at"]!.GetValue<string>());
        Assert.NotNull(row["last_login"]);
        Assert.Equal(10, row["backup_code_count"]!.GetValue<int>());
        Assert.Null(row["password_hash"]);
        Assert.Null(row["totp_secret"]);
    }

    [Fact]
    public async Task Update_changes_display_name_role_and_password()
    {
        var account = await factory.CreateAccountAsync(Roles.Viewer);

        var body = await (await factory.Api().Put($"/api/admin/users/{account.Id}",
            new { display_name = "Jane Doe", role = "technician", password = "Brand-New-Password-1" })).ShouldSucceed();

        Assert.True(body["success"]!.GetValue<bool>());
        var row = await factory.UserRowAsync(account.Id);
        Assert.Equal("Jane Doe", row["display_name"]!.GetValue<string>());
        Assert.Equal("technician", row["role"]!.GetValue<string>());
        await (await factory.PostLoginAsync(account.Username, account.Password)).ShouldFail(HttpStatusCode.Unauthorized);
        await (await factory.PostLoginAsync(account.Username, "Brand-New-Password-1")).ShouldSucceed();
    }

    [Fact]
    public async Task Update_with_no_fields_is_400()
    {
        var account = await factory.CreateAccountAsync(Roles.Viewer);
        Assert.Equal("No fields to update", await (await factory.Api().Put($"/api/admin/users/{account.Id}", new { })).ShouldFail(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Update_with_an_invalid_role_is_400()
    {
        var account = await factory.CreateAccountAsync(Roles.Viewer);
        Assert.Equal("Invalid role value", await (await factory.Api().Put($"/api/admin/users/{account.Id}", new { role = "root" })).ShouldFail(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Update_of_an_unknown_user_is_404()
    {
        await (await factory.Api().Put("/api/admin/users/999999", new { display_name = "x" })).ShouldFail(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_admin_cannot_grant_change_or_reset_a_superadmin()
    {
        var (_, admin) = await factory.SignedInAsync(Roles.Admin);
        var target = await factory.CreateAccountAsync(Roles.Technician);
        var superadmin = await factory.CreateAccountAsync(Roles.Superadmin);

        await (await admin.Put($"/api/admin/users/{target.Id}", new { role = "superadmin" })).ShouldFail(HttpStatusCode.Forbidden);
        await (await admin.Put($"/api/admin/users/{superadmin.Id}", new { role = "admin" })).ShouldFail(HttpStatusCode.Forbidden);
        await (await admin.Put($"/api/admin/users/{superadmin.Id}", new { password = "Taken-Over-123" })).ShouldFail(HttpStatusCode.Forbidden);
        await (await admin.Delete($"/api/admin/users/{superadmin.Id}")).ShouldFail(HttpStatusCode.Forbidden);

        Assert.Equal("superadmin", (await factory.UserRowAsync(superadmin.Id))["role"]!.GetValue<string>());
        await (await factory.PostLoginAsync(superadmin.Username, superadmin.Password)).ShouldSucceed();
    }

    [Fact]
    public async Task An_admin_may_manage_ordinary_users()
    {
        var (_, admin) = await factory.SignedInAsync(Roles.Admin);
        var target = await factory.CreateAccountAsync(Roles.Viewer);

        await (await admin.Put($"/api/admin/users/{target.Id}", new { role = "admin" })).ShouldSucceed();
        await (await admin.Delete($"/api/admin/users/{target.Id}")).ShouldSucceed();
    }

    [Fact]
    public async Task The_last_superadmin_cannot_be_demoted()
    {
        var message = await (await factory.Api().Put($"/api/admin/users/{await BootstrapAdminIdAsync()}", new { role = "admin" }))
            .ShouldFail(HttpStatusCode.BadRequest);
        Assert.Contains("last superadmin", message);
        Assert.Equal("superadmin", (await factory.UserRowAsync(await BootstrapAdminIdAsync()))["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task Deleting_your_own_account_is_400()
    {
        var message = await (await factory.Api().Delete($"/api/admin/users/{await BootstrapAdminIdAsync()}")).ShouldFail(HttpStatusCode.BadRequest);
        Assert.Equal("Cannot delete your own account", message);

        var (account, admin) = await factory.SignedInAsync(Roles.Admin);
        await (await admin.Delete($"/api/admin/users/{account.Id}")).ShouldFail(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Deleting_an_unknown_user_is_404()
    {
        await (await factory.Api().Delete("/api/admin/users/999999")).ShouldFail(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Deleting_a_user_removes_its_assignments_kills_its_token_and_is_audited()
    {
        var clientId = await factory.Api().CreateClientAsync();
        var (account, api) = await factory.SignedInAsync(Roles.Technician, clientId);
        Assert.Equal(1, await AssignmentsOfAsync(account.Id));

        Assert.True((await (await factory.Api().Delete($"/api/admin/users/{account.Id}")).ShouldSucceed())["success"]!.GetValue<bool>());

        Assert.Equal(0, await AssignmentsOfAsync(account.Id));
        Assert.DoesNotContain((await (await factory.Api().Get("/api/admin/users")).ShouldSucceed()).AsArray(), u => u!["id"]!.GetValue<int>() == account.Id);
        await (await api.Get("/api/admin/user/profile")).ShouldFail(HttpStatusCode.Unauthorized);
        var entry = Assert.Single(await factory.AuditAsync("user_deleted"), a => a.Target == account.Username);
        Assert.Equal(BootstrapAdmin.Username, entry.Actor);
    }

    [Fact]
    public async Task Regenerating_backup_codes_replaces_the_set()
    {
        var (account, api) = await factory.SignedInAsync(Roles.Technician);
        var (_, oldCodes) = await EnableTotpAsync(api);

        var body = await (await factory.Api().Post($"/api/admin/users/{account.Id}/backup-codes")).ShouldSucceed();

        Assert.True(body["success"]!.GetValue<bool>());
        var codes = body["backup_codes"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        Assert.Equal(10, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^[A-Z]{4}-[0-9]{4}$", c));
        Assert.Equal(10, (await factory.UserRowAsync(account.Id))["backup_code_count"]!.GetValue<int>());
        Assert.Single(await factory.AuditAsync("backup_codes_regenerated"), a => a.Target == account.Username);

        var tempToken = await factory.TempTokenAsync(account, "requires2FA");
        await (await factory.Remote().Post("/api/admin/verify-2fa", new { tempToken, code = oldCodes[0] })).ShouldFail(HttpStatusCode.Unauthorized);
        await (await factory.Remote().Post("/api/admin/verify-2fa", new { tempToken, code = codes[0] })).ShouldSucceed();
    }

    [Fact]
    public async Task Regenerating_backup_codes_without_totp_is_400_and_unknown_user_404()
    {
        var account = await factory.CreateAccountAsync(Roles.Technician);
        await (await factory.Api().Post($"/api/admin/users/{account.Id}/backup-codes")).ShouldFail(HttpStatusCode.BadRequest);
        await (await factory.Api().Post("/api/admin/users/999999/backup-codes")).ShouldFail(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Roles.Technician)]
    [InlineData(Roles.Viewer)]
    public async Task Non_admins_get_403_on_user_management(string role)
    {
        var (account, api) = await factory.SignedInAsync(role);
        var checks = new[]
        {
            await api.Get("/api/admin/users"),
            await api.Post("/api/admin/users", new { username = "x" + Guid.NewGuid().ToString("N")[..8], password = "Password-123" }),
            await api.Put($"/api/admin/users/{account.Id}", new { role = "admin" }),
            await api.Delete($"/api/admin/users/{await BootstrapAdminIdAsync()}"),
            await api.Post($"/api/admin/users/{account.Id}/backup-codes"),
        };
        foreach (var response in checks)
            Assert.Equal("Admin role required", await response.ShouldFail(HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task Anonymous_remote_callers_get_401_on_user_management()
    {
        await (await factory.Remote().Get("/api/admin/users")).ShouldFail(HttpStatusCode.Unauthorized);
        await (await factory.Remote().Delete("/api/admin/users/1")).ShouldFail(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Wrong_types_in_an_update_are_400_not_500()
    {
        var account = await factory.CreateAccountAsync(Roles.Viewer);
        await (await factory.Api().Send(HttpMethod.Put, $"/api/admin/users/{account.Id}", "{\"role\": 5}")).ShouldFail(HttpStatusCode.BadRequest);
        await (await factory.Api().Send(HttpMethod.Put, $"/api/admin/users/{account.Id}", "[]")).ShouldFail(HttpStatusCode.BadRequest);
        await (await factory.Api().Put("/api/admin/users/abc", new { role = "admin" })).ShouldFail(HttpStatusCode.BadRequest);
    }
}
