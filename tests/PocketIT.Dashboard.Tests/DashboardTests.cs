using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PocketIT.Dashboard.Tests.Infrastructure;
using PocketIT.Protocol;
using static Microsoft.Playwright.Assertions;

namespace PocketIT.Dashboard.Tests;

[Collection(DashboardCollection.Name)]
public sealed class DashboardTests(BrowserFixture fixture)
{
    private DashboardServer Server => fixture.Server;

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..6]}";

    [Fact]
    public async Task The_dashboard_is_served_with_a_strict_content_security_policy()
    {
        using var http = Server.Http();
        var index = await http.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        var csp = string.Join(";", index.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("style-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        var html = await index.Content.ReadAsStringAsync();
        Assert.DoesNotContain("style=", html);
        Assert.DoesNotContain("<script>", html);

        var script = await http.GetAsync("/dashboard/js/app.js");
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.True(script.Headers.Contains("Content-Security-Policy"));

        var bare = await new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(Server.BaseUrl) }.GetAsync("/dashboard");
        Assert.Equal("/dashboard/", bare.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Signing_in_with_a_TOTP_code_shows_the_fleet_with_enrolled_devices()
    {
        var username = Unique("alice");
        await Server.CreateUserAsync(username, "admin", "Alice Admin");
        var secret = await Server.EnableTotpAsync(username, DashboardServer.StaffPassword);
        var client = await Server.CreateClientAsync(Unique("Fleet Co"));
        var host = Unique("FLEET-PC");
        await Server.EnrollAsync(client, host, "Windows 11 Pro 24H2");

        var page = await fixture.NewPageAsync();
        await page.SignInAsync(username, DashboardServer.StaffPassword, () => DashboardServer.NextTotpCode(secret));

        await Expect(page.GetByTestId("whoami")).ToHaveTextAsync("Alice Admin");
        await Expect(page.Locator("#main [data-page=fleet]")).ToBeVisibleAsync();
        await page.GetByTestId("fleet-search").FillAsync(host);
        var rows = page.GetByTestId("device-rows").Locator("tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync(host);
        await Expect(rows.First).ToContainTextAsync("Online");
        await Expect(page.GetByTestId("health-unscanned")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task After_a_two_factor_reset_signing_in_sets_it_up_again_and_shows_the_backup_codes()
    {
        var username = Unique("erin");
        await Server.CreateUserAsync(username, "technician", "Erin Tech");
        var token = (await Server.LoginAsync(username, DashboardServer.StaffPassword))["token"]!.GetValue<string>();
        using (var http = Server.Http(token))
            await DashboardServer.Json(await http.PostAsJsonAsync("/api/admin/user/2fa/reset", new { password = DashboardServer.StaffPassword }));

        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/dashboard/");
        await page.GetByLabel("Username").FillAsync(username);
        await page.GetByLabel("Password").FillAsync(DashboardServer.StaffPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        var setup = page.GetByTestId("setup-form");
        await Expect(setup.Locator("img.qr")).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^data:image/png;base64,"));
        var key = await page.GetByTestId("manual-key").TextContentAsync();
        await setup.GetByLabel("Code").FillAsync(DashboardServer.NextTotpCode(key!));
        await setup.GetByRole(AriaRole.Button, new() { Name = "Confirm and sign in" }).ClickAsync();
        await Expect(page.GetByTestId("backup-codes").Locator("li")).ToHaveCountAsync(10);
        await page.GetByRole(AriaRole.Button, new() { Name = "I have saved them — continue" }).ClickAsync();
        await Expect(page.GetByTestId("whoami")).ToHaveTextAsync("Erin Tech");
    }

    [Fact]
    public async Task A_wrong_code_is_refused_with_the_servers_message()
    {
        var username = Unique("bob");
        await Server.CreateUserAsync(username, "technician");
        await Server.EnableTotpAsync(username, DashboardServer.StaffPassword);
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/dashboard/");
        await page.GetByLabel("Username").FillAsync(username);
        await page.GetByLabel("Password").FillAsync(DashboardServer.StaffPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("Code").FillAsync("000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await Expect(page.GetByTestId("code-form").Locator(".notice-error")).ToHaveTextAsync("Invalid verification code");
        await Expect(page.GetByTestId("whoami")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Opening_a_device_shows_its_profile_diagnostics_chat_and_tickets()
    {
        var client = await Server.CreateClientAsync(Unique("Device Co"));
        var host = Unique("LAPTOP");
        var deviceId = await Server.EnrollAsync(client, host);
        await Server.ReportAsync(deviceId,
            d => { d.CpuModel = "Intel(R) Core(TM) i7-1185G7"; d.TotalRamGb = 16; d.TotalDiskGb = 512; d.ProcessorCount = 8; d.HealthScore = 75; },
            diagnostics: [("disk", "warning", new { drives = new[] { new { name = "C:", freeGb = 12.5, usedPercent = 91 } } })],
            chat: [("user", "My disk is full", "text"), ("ai", "Let me check your disk.", "diagnose")]);
        var ticket = await Server.CreateTicketAsync(deviceId, "Disk almost full", "high");

        var page = await fixture.NewPageAsync();
        await page.SignInAsync("admin", DashboardServer.AdminPassword);
        await page.GetByTestId("fleet-search").FillAsync(host);
        await page.GetByRole(AriaRole.Link, new() { Name = host }).ClickAsync();

        await Expect(page.GetByTestId("device-hostname")).ToHaveTextAsync(host);
        var profile = page.GetByTestId("device-profile");
        await Expect(profile).ToContainTextAsync("Intel(R) Core(TM) i7-1185G7");
        await Expect(profile).ToContainTextAsync("16 GB");
        await Expect(profile).ToContainTextAsync("512 GB");
        var diagnostics = page.GetByTestId("diagnostics");
        await Expect(diagnostics).ToContainTextAsync("Disk");
        await Expect(diagnostics).ToContainTextAsync("Used percent"); // a key shown as a label, not raw JSON
        await Expect(diagnostics).Not.ToContainTextAsync("{\"");
        var chat = page.GetByTestId("chat-log");
        await Expect(chat.Locator("[data-sender=user]")).ToContainTextAsync("My disk is full");
        await Expect(chat.Locator("[data-sender=ai]")).ToContainTextAsync("Assistant action: Diagnose");
        await Expect(page.GetByTestId("device-tickets")).ToContainTextAsync($"#{ticket} Disk almost full");
    }

    [Fact]
    public async Task Changing_a_tickets_status_priority_and_assignee_is_saved()
    {
        var deviceId = await Server.EnrollAsync(await Server.DefaultClientIdAsync(), Unique("DESK"));
        var ticket = await Server.CreateTicketAsync(deviceId, "Printer offline");

        var page = await fixture.NewPageAsync();
        await page.SignInAsync("admin", DashboardServer.AdminPassword);
        await page.OpenAsync("#/tickets");
        await page.GetByTestId("ticket-rows").GetByRole(AriaRole.Link, new() { Name = "Printer offline" }).First.ClickAsync();
        await Expect(page.GetByTestId("ticket-title")).ToHaveTextAsync($"#{ticket} Printer offline");

        await page.GetByTestId("ticket-status-select").SelectOptionAsync("in_progress");
        await page.GetByTestId("ticket-priority-select").SelectOptionAsync("high");
        await page.GetByTestId("ticket-assignee-select").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByTestId("ticket-save").ClickAsync();
        await Expect(page.GetByText("Ticket updated.")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("ticket-status")).ToHaveTextAsync("In progress");

        await page.GetByTestId("comment-input").FillAsync("Restarted the spooler <b>now</b>");
        await page.GetByTestId("comment-add").ClickAsync();
        await Expect(page.GetByTestId("comments")).ToContainTextAsync("Restarted the spooler <b>now</b>");

        var saved = await Server.Get($"/api/tickets/{ticket}");
        Assert.Equal("in_progress", saved["status"]!.GetValue<string>());
        Assert.Equal("high", saved["priority"]!.GetValue<string>());
        Assert.NotNull(saved["assigned_to"]);
        Assert.Equal("Restarted the spooler <b>now</b>", saved["comments"]![0]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task Creating_a_client_opens_it_and_deleting_one_with_devices_shows_the_refusal()
    {
        var name = Unique("Acme Corp");
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("admin", DashboardServer.AdminPassword);
        await page.OpenAsync("#/clients");
        await page.GetByTestId("client-name").FillAsync(name);
        await page.GetByLabel("Contact email").FillAsync("jane@acme.example");
        await page.GetByTestId("client-create").ClickAsync();
        await Expect(page.GetByTestId("client-title")).ToHaveTextAsync(name);

        var created = (await Server.Get("/api/clients")).AsArray().Single(c => c!["name"]!.GetValue<string>() == name)!;
        Assert.Equal("jane@acme.example", created["contact_email"]!.GetValue<string>());

        await page.GetByPlaceholder("Add to the logbook…").FillAsync("Onboarded today");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        await Expect(page.GetByTestId("client-notes")).ToContainTextAsync("Onboarded today");
        await page.GetByLabel("Field name").FillAsync("VPN Provider");
        await page.GetByLabel("Field value").FillAsync("Tailscale");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set" }).ClickAsync();
        await Expect(page.GetByTestId("custom-fields")).ToContainTextAsync("Tailscale");

        await Server.EnrollAsync(created["id"]!.GetValue<int>(), Unique("ACME-PC"));
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GetByTestId("client-delete").ClickAsync();
        await Expect(page.Locator(".notice-error")).ToContainTextAsync("devices");
        Assert.Contains((await Server.Get("/api/clients")).AsArray(), c => c!["name"]!.GetValue<string>() == name);
    }

    [Fact]
    public async Task Download_installer_saves_a_bootstrapper_whose_token_enrolls_into_that_client()
    {
        var name = Unique("Installer Co");
        var client = await Server.CreateClientAsync(name);
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("admin", DashboardServer.AdminPassword);
        await page.OpenAsync($"#/clients/{client}");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-installer").ClickAsync());
        Assert.Matches("^PocketIT-installer-co-.*-setup\\.exe$", download.SuggestedFilename);
        await Expect(page.GetByText("Installer downloaded.", new() { Exact = false })).ToBeVisibleAsync();

        var saved = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".exe");
        await download.SaveAsAsync(saved);
        try
        {
            var bytes = await File.ReadAllBytesAsync(saved);
            Assert.Equal(DashboardServer.SetupExeBytes, bytes[..DashboardServer.SetupExeBytes.Length]);
            var config = InstallerOverlay.TryRead(saved);
            Assert.NotNull(config);
            Assert.Equal(Server.BaseUrl, config.ServerUrl.TrimEnd('/'));

            var hostname = Unique("installed-pc");
            using var http = Server.Http();
            var enroll = await http.PostAsJsonAsync("/api/enrollment/enroll",
                new { token = config.EnrollmentToken, deviceId = hostname, hostname });
            Assert.Equal(HttpStatusCode.OK, enroll.StatusCode);
            var device = await Server.Get($"/api/devices/{hostname}");
            Assert.Equal(client, device["client_id"]!.GetValue<int>());
        }
        finally { File.Delete(saved); }
    }

    [Fact]
    public async Task Download_installer_for_linux_saves_a_zip_with_the_token_in_its_settings()
    {
        var client = await Server.CreateClientAsync(Unique("Linux Co"));
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("admin", DashboardServer.AdminPassword);
        await page.OpenAsync($"#/clients/{client}");
        await page.GetByTestId("installer-platform").SelectOptionAsync("linux-x64");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-installer").ClickAsync());
        Assert.EndsWith("-setup.zip", download.SuggestedFilename);
        var saved = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".zip");
        await download.SaveAsAsync(saved);
        using var zip = new ZipArchive(new MemoryStream(await File.ReadAllBytesAsync(saved)));
        File.Delete(saved);
        Assert.NotNull(zip.GetEntry("pocketit-agent"));
        await using var settings = zip.GetEntry("appsettings.json")!.Open();
        var json = (await JsonNode.ParseAsync(settings))!;
        Assert.Matches("^[0-9a-f-]{36}$", json["Enrollment"]!["Token"]!.GetValue<string>());
    }

    [Fact]
    public async Task Switching_to_the_light_theme_applies_at_once_and_is_kept_for_the_next_sign_in()
    {
        var username = Unique("carol");
        await Server.CreateUserAsync(username, "technician");
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(username, DashboardServer.StaffPassword);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");

        await page.OpenAsync("#/account");
        await page.GetByTestId("pref-theme").SelectOptionAsync("light");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "light");
        await Expect(page.GetByText("Preference saved.")).ToBeVisibleAsync();

        await page.GetByTestId("sign-out").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        await page.SignInAsync(username, DashboardServer.StaffPassword);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "light");
    }

    [Fact]
    public async Task A_hostname_with_markup_is_shown_as_text_and_runs_no_script()
    {
        const string hostile = "<img src=x onerror=alert(1)>";
        var client = await Server.CreateClientAsync(Unique("Hostile Co"));
        var deviceId = await Server.EnrollAsync(client, hostile, "<script>alert(2)</script>");
        await Server.ReportAsync(deviceId, chat: [("user", "<svg onload=alert(3)>", "text")]);
        await Server.CreateTicketAsync(deviceId, "<b onmouseover=alert(4)>bold</b>");

        var page = await fixture.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) => { dialogs.Add(dialog.Message); _ = dialog.DismissAsync(); };
        await page.SignInAsync("admin", DashboardServer.AdminPassword);

        await page.GetByTestId("fleet-client").SelectOptionAsync(new SelectOptionValue { Label = (await Server.Get($"/api/clients/{client}"))["name"]!.GetValue<string>() });
        var row = page.GetByTestId("device-rows").Locator("tr").First;
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = hostile })).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("<script>alert(2)</script>");
        await Expect(page.Locator("#main img")).ToHaveCountAsync(0);

        await row.GetByRole(AriaRole.Link, new() { Name = hostile }).ClickAsync();
        await Expect(page.GetByTestId("device-hostname")).ToHaveTextAsync(hostile);
        await Expect(page.GetByTestId("chat-log")).ToContainTextAsync("<svg onload=alert(3)>");
        await Expect(page.GetByTestId("device-tickets")).ToContainTextAsync("<b onmouseover=alert(4)>bold</b>");
        Assert.Equal(0, await page.Locator("#main img, #main svg[onload], #main b").CountAsync());

        await page.OpenAsync("#/tickets");
        await Expect(page.GetByTestId("ticket-rows")).ToContainTextAsync("<b onmouseover=alert(4)>bold</b>");
        Assert.Empty(dialogs);
    }

    [Fact]
    public async Task A_viewer_sees_the_fleet_but_no_write_control()
    {
        var username = Unique("victor");
        var userId = await Server.CreateUserAsync(username, "viewer", "Victor Viewer");
        var client = await Server.CreateClientAsync(Unique("Viewer Co"));
        await Server.Post($"/api/clients/{client}/users", new { user_id = userId });
        var host = Unique("VIEW-PC");
        var deviceId = await Server.EnrollAsync(client, host);
        var ticket = await Server.CreateTicketAsync(deviceId, "Slow boot");

        var page = await fixture.NewPageAsync();
        await page.SignInAsync(username, DashboardServer.StaffPassword);
        await Expect(page.GetByTestId("device-rows").Locator("tr")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("device-rows")).ToContainTextAsync(host);
        await Expect(page.Locator("nav").GetByText("Users")).ToHaveCountAsync(0);
        await Expect(page.Locator("nav").GetByText("Settings")).ToHaveCountAsync(0);

        await page.OpenAsync($"#/devices/{deviceId}");
        await Expect(page.GetByTestId("device-hostname")).ToHaveTextAsync(host);
        await AssertNoWriteControls(page);

        await page.OpenAsync($"#/tickets/{ticket}");
        await Expect(page.GetByTestId("ticket-title")).ToContainTextAsync("Slow boot");
        await AssertNoWriteControls(page);

        await page.OpenAsync($"#/clients/{client}");
        await Expect(page.GetByTestId("client-title")).ToBeVisibleAsync();
        await AssertNoWriteControls(page);

        await page.OpenAsync("#/users");
        await Expect(page.GetByText("Not found")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_technician_sees_only_the_devices_of_their_clients_and_can_work_tickets()
    {
        var username = Unique("tess");
        var userId = await Server.CreateUserAsync(username, "technician");
        var mine = await Server.CreateClientAsync(Unique("Tess Co"));
        var other = await Server.CreateClientAsync(Unique("Other Co"));
        await Server.Post($"/api/clients/{mine}/users", new { user_id = userId });
        var myHost = Unique("MINE-PC");
        var myDevice = await Server.EnrollAsync(mine, myHost);
        await Server.EnrollAsync(other, Unique("NOT-MINE-PC"));
        var ticket = await Server.CreateTicketAsync(myDevice, "Keyboard sticky");

        var page = await fixture.NewPageAsync();
        await page.SignInAsync(username, DashboardServer.StaffPassword);
        await Expect(page.GetByTestId("device-rows").Locator("tr")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("device-rows")).ToContainTextAsync(myHost);
        await Expect(page.GetByTestId("fleet-client").Locator("option")).ToHaveCountAsync(2); // "All clients" and theirs
        await Expect(page.Locator("nav").GetByText("Users")).ToHaveCountAsync(0);

        await page.OpenAsync($"#/tickets/{ticket}");
        await Expect(page.GetByTestId("ticket-save")).ToBeVisibleAsync();
        await page.OpenAsync($"#/clients/{mine}");
        await Expect(page.GetByTestId("client-delete")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("download-installer")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Turning_on_two_factor_from_my_account_shows_the_backup_codes_once()
    {
        var username = Unique("dave");
        await Server.CreateUserAsync(username, "technician");
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(username, DashboardServer.StaffPassword);
        await page.OpenAsync("#/account");
        await page.GetByTestId("totp-setup").ClickAsync();
        var key = await page.Locator(".setup-inline .manual-key").TextContentAsync();
        await page.GetByLabel("Code from the app").FillAsync(DashboardServer.CurrentTotpCode(key!));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();
        await Expect(page.GetByTestId("backup-codes").Locator("li")).ToHaveCountAsync(10);

        var again = await Server.LoginAsync(username, DashboardServer.StaffPassword);
        Assert.True(again["requires2FA"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_admin_creates_a_user_and_changes_their_role_on_the_users_page()
    {
        var username = Unique("frank");
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("admin", DashboardServer.AdminPassword);
        await page.OpenAsync("#/users");
        await page.GetByTestId("new-username").FillAsync(username);
        await page.GetByTestId("new-password").FillAsync(DashboardServer.StaffPassword);
        await page.GetByTestId("new-role").SelectOptionAsync("viewer");
        await page.GetByTestId("user-create").ClickAsync();
        await Expect(page.GetByText($"{username} created.")).ToBeVisibleAsync();

        var row = page.GetByTestId("user-rows").Locator("tr", new() { HasText = "@" + username });
        await Expect(row).ToContainTextAsync("0"); // backup codes
        await row.GetByLabel($"Role of {username}").SelectOptionAsync("technician");
        await Expect(page.GetByText($"{username} is now technician.")).ToBeVisibleAsync();

        var saved = (await Server.Get("/api/admin/users")).AsArray().Single(u => u!["username"]!.GetValue<string>() == username)!;
        Assert.Equal("technician", saved["role"]!.GetValue<string>());
    }

    /// <summary>In the page's main area, nothing that changes data: no text entry, no selects, no buttons but disclosure.</summary>
    private static async Task AssertNoWriteControls(IPage page)
    {
        var main = page.Locator("#main");
        Assert.Equal(0, await main.Locator("textarea, input, select, button, form").CountAsync());
    }

    [Fact]
    public async Task The_fleet_renders_one_page_of_a_thousand_devices_and_filters_them()
    {
        var client = await Server.CreateClientAsync(Unique("Big Fleet"));
        var clientName = (await Server.Get($"/api/clients/{client}"))["name"]!.GetValue<string>();
        using (var http = await Server.AdminHttp())
        {
            var batches = Enumerable.Range(0, 1000).Chunk(50);
            foreach (var batch in batches)
                await Task.WhenAll(batch.Select(i => Server.EnrollAsync(client, $"BULK-{i:D4}")));
        }
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("admin", DashboardServer.AdminPassword);
        await page.GetByTestId("fleet-client").SelectOptionAsync(new SelectOptionValue { Label = clientName });
        await Expect(page.GetByTestId("fleet-count")).ToHaveTextAsync("1–25 of 1000 devices");
        await Expect(page.GetByTestId("device-rows").Locator("tr")).ToHaveCountAsync(25);
        await Expect(page.GetByTestId("fleet-page")).ToHaveTextAsync("Page 1 of 40");

        await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Expect(page.GetByTestId("device-rows").Locator("tr").First).ToContainTextAsync("BULK-0025");

        await page.GetByTestId("fleet-search").FillAsync("bulk-0999");
        await Expect(page.GetByTestId("device-rows").Locator("tr")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("fleet-count")).ToHaveTextAsync("1–1 of 1 devices");

        await page.GetByTestId("fleet-search").FillAsync("bulk-");
        await page.Locator("th button[data-key=hostname]").ClickAsync();
        await Expect(page.GetByTestId("device-rows").Locator("tr").First).ToContainTextAsync("BULK-0999");
    }
}
