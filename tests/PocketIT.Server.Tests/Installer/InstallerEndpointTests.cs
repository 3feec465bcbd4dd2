using System.Net;
using PocketIT.Protocol;
using PocketIT.Server.Core.Settings;
using PocketIT.Server.Tests.Admin;
using PocketIT.Server.Tests.Infrastructure;

namespace PocketIT.Server.Tests.Installer;

/// <summary><c>GET /api/clients/:id/installer</c>: who may download, which mode, and the token baked in.</summary>
public sealed class InstallerEndpointTests(FakePackagesFactory factory) : IClassFixture<FakePackagesFactory>
{
    private async Task<(int Id, string Slug)> NewClientAsync()
    {
        var name = "Acme " + Guid.NewGuid().ToString("N")[..6];
        var id = await factory.Api().CreateClientAsync(name);
        return (id, Core.Tenancy.Slugs.From(name));
    }

    [Fact]
    public async Task Windows_download_is_the_bootstrapper_followed_by_exactly_the_overlay_of_a_fresh_token()
    {
        var (clientId, slug) = await NewClientAsync();

        var bytes = await (await factory.Api().Get($"/api/clients/{clientId}/installer"))
            .ShouldDownload("application/octet-stream", $"PocketIT-{slug}-setup.exe");

        var config = InstallerOverlay.TryRead(new MemoryStream(bytes));
        Assert.NotNull(config);
        Assert.Equal("http://localhost:9100", config!.ServerUrl);
        Assert.Equal([.. FakePackagesFactory.SetupExeBytes, .. InstallerOverlay.Build(config)], bytes);
        var row = await factory.TokenRowAsync(config.EnrollmentToken);
        Assert.NotNull(row);
        Assert.Equal(clientId, row!.ClientId);
        Assert.Equal("admin", row.CreatedBy);
        Assert.Equal("active", row.Status);
        Assert.InRange(row.ExpiresAt - row.CreatedAt, TimeSpan.FromHours(24), TimeSpan.FromHours(24));

        var audit = (await factory.AuditAsync("enrollment_token_created")).Where(a => a.Target == slug).ToList();
        var entry = Assert.Single(audit);
        Assert.Equal("admin", entry.Actor);
        Assert.Contains("\"installer\"", entry.Details);
    }

    [Fact]
    public async Task Each_download_carries_a_new_token_that_enrolls_into_that_client()
    {
        var (clientId, _) = await NewClientAsync();
        var first = InstallerOverlay.TryRead(new MemoryStream(await (await factory.Api().Get($"/api/clients/{clientId}/installer")).Content.ReadAsByteArrayAsync()))!;
        var second = InstallerOverlay.TryRead(new MemoryStream(await (await factory.Api().Get($"/api/clients/{clientId}/installer")).Content.ReadAsByteArrayAsync()))!;
        Assert.NotEqual(first.EnrollmentToken, second.EnrollmentToken);

        var enrolled = await (await factory.EnrollWithAsync(first.EnrollmentToken)).ShouldSucceed();
        var device = await (await factory.Api().Get($"/api/devices/{enrolled["deviceId"]}")).ShouldSucceed();
        Assert.Equal(clientId, device["client_id"]!.GetValue<int>());
    }

    [Fact]
    public async Task Linux_download_is_a_zip_of_the_agent_with_generated_settings_and_executable_bits()
    {
        var (clientId, slug) = await NewClientAsync();

        var zip = await (await factory.Api().Get($"/api/clients/{clientId}/installer?platform=linux-x64"))
            .ShouldDownload("application/zip", $"PocketIT-{slug}-setup.zip");

        var entries = InstallerDownloads.Entries(zip);
        Assert.Equal(["appsettings.json", "lib/helper.dll", "pocketit-agent"], entries.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(FakePackagesFactory.LinuxAgentBytes, entries["pocketit-agent"].Read());
        if (!OperatingSystem.IsWindows()) Assert.Equal(0b111_101_101, entries["pocketit-agent"].UnixPermissions());

        var settings = entries["appsettings.json"].ReadJson();
        Assert.Equal("http://localhost:9100", settings["Server"]!["Url"]!.GetValue<string>());
        Assert.Equal("pocket-it.db", settings["Database"]!["Path"]!.GetValue<string>());
        Assert.Equal(15, settings["Monitoring"]!["IntervalMinutes"]!.GetValue<int>());
        var row = await factory.TokenRowAsync(settings["Enrollment"]!["Token"]!.GetValue<string>());
        Assert.Equal(clientId, row?.ClientId);
    }

    [Fact]
    public async Task Windows_runtime_without_a_built_bootstrapper_falls_back_to_the_zip()
    {
        var (clientId, slug) = await NewClientAsync();
        var zip = await (await factory.Api().Get($"/api/clients/{clientId}/installer?platform=win-arm64"))
            .ShouldDownload("application/zip", $"PocketIT-{slug}-setup.zip");
        Assert.Equal(["appsettings.json", "pocketit-agent.exe"], InstallerDownloads.Entries(zip).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Server_url_comes_from_the_public_url_setting_when_set()
    {
        var (clientId, _) = await NewClientAsync();
        await factory.WithDbAsync(async db =>
        {
            db.ServerSettings.Add(new ServerSetting { Key = "server.publicUrl", Value = "https://it.example.com/", UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        try
        {
            var bytes = await (await factory.Api().Get($"/api/clients/{clientId}/installer")).Content.ReadAsByteArrayAsync();
            Assert.Equal("https://it.example.com", InstallerOverlay.TryRead(new MemoryStream(bytes))!.ServerUrl);
        }
        finally
        {
            await factory.WithDbAsync(async db =>
            {
                db.ServerSettings.RemoveRange(db.ServerSettings.Where(s => s.Key == "server.publicUrl"));
                await db.SaveChangesAsync();
            });
        }
    }

    [Fact]
    public async Task Nothing_built_for_the_platform_is_503_and_issues_no_token()
    {
        var (clientId, _) = await NewClientAsync();
        var before = await factory.TokenCountAsync();

        var message = await (await factory.Api().Get($"/api/clients/{clientId}/installer?platform=osx-arm64")).ShouldFail(HttpStatusCode.ServiceUnavailable);

        Assert.StartsWith("Client binaries not built", message);
        Assert.Equal(before, await factory.TokenCountAsync());
    }

    [Theory]
    [InlineData("..%2F..%2Fetc")]
    [InlineData("win-x64%2F..%2F..")]
    [InlineData("WIN-X64")]
    [InlineData("linux-x65")]
    [InlineData("setup")]
    public async Task A_platform_that_is_not_a_runtime_identifier_is_400(string platform)
    {
        var (clientId, _) = await NewClientAsync();
        var message = await (await factory.Api().Get($"/api/clients/{clientId}/installer?platform={platform}")).ShouldFail(HttpStatusCode.BadRequest);
        Assert.StartsWith("Invalid platform", message);
    }

    [Fact]
    public async Task Unknown_client_is_404()
    {
        Assert.Equal("Client not found", await (await factory.Api().Get("/api/clients/999999/installer")).ShouldFail(HttpStatusCode.NotFound));
    }

    [Theory]
    [InlineData("technician")]
    [InlineData("viewer")]
    public async Task Only_admins_may_download_even_for_their_own_client(string role)
    {
        var (clientId, _) = await NewClientAsync();
        var (_, staff) = await factory.Api().CreateStaffAsync(role, clientId);
        await (await staff.Get($"/api/clients/{clientId}/installer")).ShouldFail(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Anonymous_remote_caller_is_401_and_a_remote_admin_may_download()
    {
        var (clientId, _) = await NewClientAsync();
        await (await factory.RemoteApi().Get($"/api/clients/{clientId}/installer")).ShouldFail(HttpStatusCode.Unauthorized);

        var (_, admin) = await factory.Api().CreateStaffAsync("admin");
        var bytes = await (await admin.Get($"/api/clients/{clientId}/installer")).Content.ReadAsByteArrayAsync();
        var row = await factory.TokenRowAsync(InstallerOverlay.TryRead(new MemoryStream(bytes))!.EnrollmentToken);
        Assert.StartsWith("admin-", row!.CreatedBy);
    }
}
