using System.Net;
using PocketIT.Server.Tests.Admin;
using PocketIT.Server.Tests.Infrastructure;

namespace PocketIT.Server.Tests.Installer;

/// <summary><c>GET /api/installer/package?token=</c>: the bootstrapper's anonymous agent download.</summary>
public sealed class PackageDownloadTests(FakePackagesFactory factory) : IClassFixture<FakePackagesFactory>
{
    private async Task<string> NewTokenAsync() =>
        (await (await factory.Api().Post("/api/enrollment/token", new { client_id = await factory.Api().CreateClientAsync() })).ShouldSucceed())
            ["token"]!.GetValue<string>();

    private Task<HttpResponseMessage> DownloadAsync(string query) => factory.RemoteApi().Get("/api/installer/package" + query);

    [Fact]
    public async Task Package_is_the_agent_without_any_settings_file()
    {
        var zip = await (await DownloadAsync($"?token={await NewTokenAsync()}&platform=linux-x64")).ShouldDownload("application/zip", "pocket-it-client.zip");
        Assert.Equal(["lib/helper.dll", "pocketit-agent"], InstallerDownloads.Entries(zip).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Default_platform_is_win_x64()
    {
        var zip = await (await DownloadAsync($"?token={await NewTokenAsync()}")).ShouldDownload("application/zip", "pocket-it-client.zip");
        Assert.Equal(["pocketit-agent.exe"], InstallerDownloads.Entries(zip).Keys);
    }

    [Fact]
    public async Task Downloading_does_not_consume_the_token()
    {
        var token = await NewTokenAsync();
        await (await DownloadAsync($"?token={token}&platform=linux-x64")).ShouldDownload("application/zip", "pocket-it-client.zip");
        await (await DownloadAsync($"?token={token}&platform=linux-x64")).ShouldDownload("application/zip", "pocket-it-client.zip");

        await (await factory.EnrollWithAsync(token)).ShouldSucceed();
    }

    [Fact]
    public async Task Missing_token_is_400()
    {
        Assert.Equal("Token required", await (await DownloadAsync("")).ShouldFail(HttpStatusCode.BadRequest));
        Assert.Equal("Token required", await (await DownloadAsync("?token=")).ShouldFail(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Unknown_token_is_401()
    {
        Assert.Equal("Invalid or expired token", await (await DownloadAsync($"?token={Guid.NewGuid()}")).ShouldFail(HttpStatusCode.Unauthorized));
        Assert.Equal("Invalid or expired token", await (await DownloadAsync("?token=" + new string('a', 5000))).ShouldFail(HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task Used_token_is_401()
    {
        var token = await NewTokenAsync();
        await (await factory.EnrollWithAsync(token)).ShouldSucceed();
        Assert.Equal("Invalid or expired token", await (await DownloadAsync($"?token={token}")).ShouldFail(HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task Expired_token_is_401()
    {
        var token = await NewTokenAsync();
        var hash = Core.Identity.SecretHasher.Hash(token);
        await factory.WithDbAsync(async db =>
        {
            db.EnrollmentTokens.Single(t => t.TokenHash == hash).ExpiresAt = DateTime.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
        });
        Assert.Equal("Invalid or expired token", await (await DownloadAsync($"?token={token}")).ShouldFail(HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task Bad_platform_is_400_and_an_unbuilt_one_503()
    {
        var token = await NewTokenAsync();
        await (await DownloadAsync($"?token={token}&platform=..%2Fsetup")).ShouldFail(HttpStatusCode.BadRequest);
        var message = await (await DownloadAsync($"?token={token}&platform=osx-arm64")).ShouldFail(HttpStatusCode.ServiceUnavailable);
        Assert.StartsWith("Client binaries not built", message);
    }

    [Fact]
    public async Task A_symbolic_link_in_a_package_folder_is_never_followed()
    {
        var zip = await (await DownloadAsync($"?token={await NewTokenAsync()}&platform=linux-x64")).Content.ReadAsByteArrayAsync();
        Assert.DoesNotContain("leak.txt", InstallerDownloads.Entries(zip).Keys);
        Assert.True(File.Exists(factory.OutsideSecret));
    }
}
