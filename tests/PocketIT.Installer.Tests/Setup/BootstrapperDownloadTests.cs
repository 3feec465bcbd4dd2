using System.Reflection.PortableExecutable;
using PocketIT.Installer.Tests.Infrastructure;
using PocketIT.Protocol;
using PocketIT.Server.Tests.Infrastructure;

namespace PocketIT.Installer.Tests.Setup;

/// <summary>
/// The bar: the real win-x64 bootstrapper published on this machine, downloaded from the real server, is the
/// published bytes followed by exactly the overlay the shared writer builds, and the shared reader gets it back.
/// </summary>
public sealed class BootstrapperDownloadTests(InstallerServerFixture fixture) : IClassFixture<InstallerServerFixture>
{
    private InstallerServer Server => fixture.Server;

    [Fact]
    public async Task Downloaded_installer_is_the_published_exe_followed_by_exactly_the_overlay()
    {
        var clientId = await Server.Api().CreateClientAsync("Overlay Corp");
        var response = await Server.Api().Get($"/api/clients/{clientId}/installer");
        var downloaded = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(downloaded.AsSpan(0, Math.Min(300, downloaded.Length)))}");
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PocketIT-overlay-corp-setup.exe", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(downloaded.Length, response.Content.Headers.ContentLength);

        var path = Path.Combine(Path.GetTempPath(), $"pocketit-setup-{Guid.NewGuid():N}.exe");
        await File.WriteAllBytesAsync(path, downloaded);
        try
        {
            var config = InstallerOverlay.TryRead(path);
            Assert.NotNull(config);
            Assert.Equal(Server.ServerUrl, config!.ServerUrl);

            var published = await File.ReadAllBytesAsync(PublishedPackages.WindowsSetupExe);
            byte[] expected = [.. published, .. InstallerOverlay.Build(config)];
            Assert.True(expected.AsSpan().SequenceEqual(downloaded), "the download is not exe ‖ InstallerOverlay.Build(config)");

            // Still a Windows x64 executable: the overlay sits past the image and leaves the headers alone.
            Assert.Equal("MZ"u8.ToArray(), downloaded[..2]);
            using var pe = new PEReader(new MemoryStream(downloaded));
            Assert.Equal(Machine.Amd64, pe.PEHeaders.CoffHeader.Machine);
            Assert.True(pe.PEHeaders.IsExe);
            var imageEnd = pe.PEHeaders.SectionHeaders.Max(s => s.PointerToRawData + s.SizeOfRawData);
            Assert.True(imageEnd <= published.Length, "a section reaches into the overlay");

            var token = await Server.TokenRowAsync(config.EnrollmentToken);
            Assert.NotNull(token);
            Assert.Equal(clientId, token!.ClientId);
            Assert.Equal("active", token.Status);
            Assert.True(token.ExpiresAt > Server.Clock.GetUtcNow().UtcDateTime.AddHours(23.9));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
