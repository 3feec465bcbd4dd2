using System.Net.Http.Json;
using Microsoft.Playwright;
using PocketIT.Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PocketIT.Dashboard.Tests;

/// <summary>
/// Walks every page of a server seeded like a small MSP's, in the dark and the light theme, checking
/// that each renders without an error. With <c>POCKETIT_SCREENSHOTS</c> set to a folder (see
/// scripts/dashboard-screenshots.sh) it also saves a screenshot of each page there.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ScreenshotTests(BrowserFixture fixture)
{
    private static readonly string? Folder = Environment.GetEnvironmentVariable("POCKETIT_SCREENSHOTS");

    [Fact]
    public async Task Every_page_renders_without_an_error_or_a_CSP_violation_in_both_themes()
    {
        await using var server = new DashboardServer();
        var seed = await SeedAsync(server);

        var page = await fixture.NewPageAsync(server);
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) problems.Add(message.Text); };
        page.PageError += (_, error) => problems.Add(error);
        await page.GotoAsync("/dashboard/");
        await Expect(page.GetByTestId("login-form")).ToBeVisibleAsync();
        await Shot(page, "01-sign-in");

        await page.GetByLabel("Username").FillAsync("nina");
        await page.GetByLabel("Password").FillAsync(DashboardServer.StaffPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByTestId("setup-form").Locator("img.qr")).ToBeVisibleAsync();
        await Shot(page, "02-two-factor-setup");

        await page.GotoAsync("/dashboard/");
        await page.GetByLabel("Username").FillAsync("admin");
        await page.GetByLabel("Password").FillAsync(DashboardServer.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByTestId("code-form")).ToBeVisibleAsync();
        await Shot(page, "03-two-factor-code");
        await page.GetByLabel("Code").FillAsync(DashboardServer.NextTotpCode(seed.AdminSecret));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await Expect(page.GetByTestId("whoami")).ToBeVisibleAsync();

        (string Name, string Hash)[] pages =
        [
            ("04-fleet", "#/fleet"), ("05-device", $"#/devices/{seed.FeaturedDevice}"), ("06-tickets", "#/tickets"),
            ("07-ticket", $"#/tickets/{seed.FeaturedTicket}"), ("08-clients", "#/clients"), ("09-client", $"#/clients/{seed.FeaturedClient}"),
            ("10-users", "#/users"), ("11-account", "#/account"), ("12-settings", "#/settings"),
        ];
        foreach (var (name, hash) in pages)
        {
            await page.OpenAsync(hash);
            await Expect(page.Locator("#main [role=alert]")).ToHaveCountAsync(0);
            if (name == "05-device") await page.Locator("#main details").First.Locator("summary").ScrollIntoViewIfNeededAsync();
            await Shot(page, name);
        }

        await page.OpenAsync("#/account");
        await page.GetByTestId("pref-theme").SelectOptionAsync("light");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "light");
        foreach (var (name, hash) in new[] { ("13-fleet-light", "#/fleet"), ("14-device-light", $"#/devices/{seed.FeaturedDevice}"), ("15-client-light", $"#/clients/{seed.FeaturedClient}") })
        {
            await page.OpenAsync(hash);
            await Expect(page.Locator("#main [role=alert]")).ToHaveCountAsync(0);
            await Shot(page, name);
        }
        Assert.Empty(problems); // no CSP violation and no uncaught script error on any page
    }

    private static async Task Shot(IPage page, string name)
    {
        if (Folder is null) return;
        Directory.CreateDirectory(Folder);
        await page.Mouse.MoveAsync(0, 0);
        // A viewport as tall as the page (rather than a full-page capture) keeps the sticky sidebar where a person sees it.
        var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        await page.SetViewportSizeAsync(1440, Math.Max(900, height));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, name + ".png"), Animations = ScreenshotAnimations.Disabled });
        await page.SetViewportSizeAsync(1440, 900);
    }

    private sealed record Seed(string AdminSecret, string FeaturedDevice, int FeaturedTicket, int FeaturedClient);

    private static async Task<Seed> SeedAsync(DashboardServer server)
    {
        var northwind = await server.CreateClientAsync("Northwind Traders", "Jane Smith", "jane@northwind.example", "Enterprise plan, 4h SLA");
        var contoso = await server.CreateClientAsync("Contoso Dental", "Dr. Omar Haddad", "it@contoso-dental.example", "Three practices");
        var fabrikam = await server.CreateClientAsync("Fabrikam Legal", "Lena Fischer", "lena@fabrikam.example", null);
        var defaultClient = await server.DefaultClientIdAsync();

        var now = DateTime.UtcNow;
        (int Client, string Host, string Os, string Cpu, double Ram, double Disk, int Cores, int? Score, bool Online, int SeenMinutesAgo)[] fleet =
        [
            (northwind, "NW-FIN-LT042", "Windows 11 Pro 23H2", "Intel(R) Core(TM) i7-1365U", 16, 512, 12, 92, true, 1),
            (northwind, "NW-FIN-LT043", "Windows 11 Pro 23H2", "Intel(R) Core(TM) i5-1345U", 16, 256, 10, 75, true, 2),
            (northwind, "NW-SALES-DT07", "Windows 10 Pro 22H2", "Intel(R) Core(TM) i5-8500", 8, 256, 6, 58, true, 3),
            (northwind, "NW-WAREHOUSE-01", "Windows 10 IoT Enterprise", "Intel(R) Celeron(R) J4125", 4, 128, 4, 31, false, 340),
            (northwind, "NW-CEO-SURFACE", "Windows 11 Pro 24H2", "Snapdragon(R) X Elite", 32, 1024, 12, 100, true, 1),
            (northwind, "NW-RECEPTION", "Windows 11 Home 23H2", "AMD Ryzen 5 5600U", 8, 256, 6, null, false, 2880),
            (contoso, "CD-XRAY-WS1", "Windows 10 Enterprise LTSC 2021", "Intel(R) Xeon(R) W-2223", 32, 1024, 8, 64, true, 4),
            (contoso, "CD-FRONTDESK-2", "Windows 11 Pro 23H2", "Intel(R) Core(TM) i3-10100", 8, 256, 8, 83, true, 1),
            (contoso, "CD-DR-HADDAD-LT", "macOS 14.5 Sonoma", "Apple M2 Pro", 16, 512, 10, 88, false, 95),
            (fabrikam, "FL-PARTNER-01", "Windows 11 Enterprise 23H2", "Intel(R) Core(TM) Ultra 7 155H", 32, 1024, 16, 71, true, 6),
            (fabrikam, "FL-PARALEGAL-03", "Windows 11 Pro 22H2", "Intel(R) Core(TM) i5-1135G7", 8, 256, 8, 22, true, 1),
            (fabrikam, "FL-SCAN-STATION", "Ubuntu 22.04.4 LTS", "Intel(R) Pentium(R) Silver N6000", 4, 64, 4, 47, true, 12),
            (defaultClient, "LAB-TEST-VM", "Windows Server 2022 Standard", "AMD EPYC 7763", 8, 120, 4, null, true, 1),
        ];
        var ids = new List<string>();
        foreach (var d in fleet)
        {
            var id = await server.EnrollAsync(d.Client, d.Host, d.Os);
            ids.Add(id);
            await server.ReportAsync(id, dev =>
            {
                dev.CpuModel = d.Cpu; dev.TotalRamGb = d.Ram; dev.TotalDiskGb = d.Disk; dev.ProcessorCount = d.Cores;
                dev.HealthScore = d.Score; dev.LastSeen = now.AddMinutes(-d.SeenMinutesAgo); dev.EnrolledAt = now.AddDays(-40);
            }, online: d.Online);
        }
        var featured = ids[2]; // NW-SALES-DT07, health 58
        await server.AddHealthHistoryAsync(featured, new[] { 83, 83, 75, 75, 67, 71, 58, 50, 58 }
            .Select((score, i) => (now.AddHours(-150 + i * 18), score)));
        await server.ReportAsync(featured,
            dev =>
            {
                dev.OsEdition = "Windows 10 Pro"; dev.OsDisplayVersion = "22H2"; dev.OsBuild = "19045.4651"; dev.OsArchitecture = "64-bit";
                dev.OsInstallDate = "2021-03-02"; dev.LastBootTime = now.AddHours(-52).ToString("o"); dev.UptimeHours = 52.3;
                dev.DeviceManufacturer = "Dell Inc."; dev.DeviceModel = "OptiPlex 7060"; dev.FormFactor = "Desktop"; dev.SerialNumber = "7XK2QM2";
                dev.BiosManufacturer = "Dell Inc."; dev.BiosVersion = "1.27.0"; dev.GpuModel = "Intel(R) UHD Graphics 630";
                dev.TpmVersion = "2.0"; dev.SecureBoot = "True"; dev.Domain = "corp.northwind.local"; dev.DomainJoinType = "On-Premises AD";
                dev.CurrentUser = "m.alvarez"; dev.LoggedInUsers = "[\"m.alvarez\"]"; dev.PreviousLoggedInUsers = "[\"temp.sales\"]"; dev.ClientVersion = "0.9.4";
                dev.NetworkAdapters = "[{\"Name\":\"Ethernet\",\"Status\":\"Up\",\"MacAddress\":\"D8-9E-F3-21-0A-7C\",\"Speed\":\"1 Gbps\",\"IPv4\":\"10.20.4.57\"}]";
            },
            diagnostics:
            [
                ("cpu", "ok", new { usagePercent = 23.4, cores = 6, topProcess = "msedge.exe" }),
                ("memory", "warning", new { totalGB = 8, usedGB = 7.1, usedPercent = 88.7 }),
                ("disk", "warning", new { drives = new object[] { new { drive = "C:", totalGB = 237.9, freeGB = 18.2, usedPercent = 92.3 }, new { drive = "D:", totalGB = 931.5, freeGB = 512.0, usedPercent = 45.0 } } }),
                ("network", "ok", new { internetConnectivity = true, dnsResolution = true, adapters = new object[] { new { name = "Ethernet", status = "Up", ipv4 = "10.20.4.57", speed = "1 Gbps" }, new { name = "Wi-Fi", status = "Disconnected", ipv4 = (string?)null, speed = (string?)null } } }),
            ],
            chat:
            [
                ("user", "Outlook keeps saying my mailbox is almost full and the PC is really slow today.", "text"),
                ("ai", "Sorry about that! I'll run a quick disk and memory check to see what's going on.", "diagnose"),
                ("ai", "Your C: drive is 92% full and memory use is high. I've opened a ticket so a technician can help free up space.", "ticket"),
                ("it_tech", "Hi, this is Sam from IT. I can clear the old Outlook cache remotely — is now a good time?", "text"),
                ("user", "Yes please, go ahead. Thanks!", "text"),
            ]);

        var t1 = await server.CreateTicketAsync(featured, "Disk almost full on C:", "high", "C: is at 92% and Outlook warns about the mailbox size.");
        await server.CreateTicketAsync(ids[3], "Warehouse scanner PC offline", "critical", "No heartbeat since this morning.");
        var t3 = await server.CreateTicketAsync(ids[6], "X-ray viewer crashes on export", "medium");
        await server.CreateTicketAsync(ids[10], "VPN drops every hour", "medium");
        var t5 = await server.CreateTicketAsync(ids[1], "New monitor setup", "low");
        await server.Post($"/api/tickets/{t1}/comments", new { author = "sam", content = "Cleared 14 GB of Outlook cache and temp files; disk now at 86%." });
        await server.Post($"/api/tickets/{t1}/comments", new { author = "admin", content = "Let's plan a larger SSD for this machine next quarter." });
        using (var http = await server.AdminHttp())
        {
            await http.PatchAsJsonAsync($"/api/tickets/{t1}", new { status = "in_progress" });
            await http.PatchAsJsonAsync($"/api/tickets/{t3}", new { status = "resolved" });
            await http.PatchAsJsonAsync($"/api/tickets/{t5}", new { status = "closed" });
        }

        var sam = await server.CreateUserAsync("sam", "technician", "Sam Carter");
        await server.CreateUserAsync("vera", "viewer", "Vera Novak");
        await server.CreateUserAsync("nina", "admin", "Nina Patel");
        await server.Post($"/api/clients/{northwind}/users", new { user_id = sam });
        await server.Post($"/api/clients/{northwind}/notes", new { content = "Replaced the core switch in the server room; all ports re-patched." });
        await server.Post($"/api/clients/{northwind}/notes", new { content = "Quarterly review booked with Jane for the 14th." });
        await server.Put($"/api/clients/{northwind}/custom-fields", new { fields = new Dictionary<string, string> { ["VPN Provider"] = "Tailscale", ["AD Domain"] = "corp.northwind.local", ["Contract Tier"] = "Enterprise" } });

        // Nina reset her 2FA, so her next sign-in sets it up again; the admin has TOTP on.
        var ninaSecret = await server.EnableTotpAsync("nina", DashboardServer.StaffPassword);
        var nina = await server.LoginAsync("nina", DashboardServer.StaffPassword);
        using (var http = server.Http())
        {
            var verified = await DashboardServer.Json(await http.PostAsJsonAsync("/api/admin/verify-2fa", new { tempToken = nina["tempToken"]!.GetValue<string>(), code = DashboardServer.NextTotpCode(ninaSecret) }));
            using var asNina = server.Http(verified["token"]!.GetValue<string>());
            await DashboardServer.Json(await asNina.PostAsJsonAsync("/api/admin/user/2fa/reset", new { password = DashboardServer.StaffPassword }));
        }
        using (var http = await server.AdminHttp())
            await http.PutAsJsonAsync("/api/admin/user/profile", new { display_name = "Alex Morgan" });
        await server.Put("/api/settings", new
        {
            llm = new { provider = "openai", model = "gpt-4o-mini", apiKey = "sk-proj-screenshot-example-key-7Qx2" },
            server = new { publicUrl = "https://it.northwind.example" },
        });
        var adminSecret = await server.EnableTotpAsync("admin", DashboardServer.AdminPassword);
        return new Seed(adminSecret, featured, t1, northwind);
    }
}
