using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Core.Data;
using PocketIT.Server.Core.Devices;
using PocketIT.Server.Core.Identity;
using PocketIT.Server.Tests.Infrastructure;

namespace PocketIT.Server.Tests.Installer;

/// <summary>Reading what the installer endpoints hand out: ZIP entries, generated settings, token rows.</summary>
public static class InstallerDownloads
{
    public static async Task<byte[]> ShouldDownload(this HttpResponseMessage response, string contentType, string fileName)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected 200 but got {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(bytes)}");
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        return bytes;
    }

    public static Dictionary<string, ZipArchiveEntry> Entries(byte[] zip) =>
        new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read).Entries.ToDictionary(e => e.FullName);

    public static byte[] Read(this ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public static JsonNode ReadJson(this ZipArchiveEntry entry) => JsonNode.Parse(entry.Read())!;

    /// <summary>The unix permission bits an entry carries (the high half of its external attributes).</summary>
    public static int UnixPermissions(this ZipArchiveEntry entry) => (entry.ExternalAttributes >> 16) & 0x1FF;

    public static async Task<EnrollmentToken?> TokenRowAsync(this PocketItFactory factory, string token)
    {
        var hash = SecretHasher.Hash(token);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.EnrollmentTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash);
    }

    public static async Task<int> TokenCountAsync(this PocketItFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().EnrollmentTokens.CountAsync();
    }

    public static Task<HttpResponseMessage> EnrollWithAsync(this PocketItFactory factory, string token) =>
        factory.RemoteApi().Post("/api/enrollment/enroll",
            new { token, deviceId = "dev-" + Guid.NewGuid().ToString("N")[..12], hostname = "INSTALLED-PC", osVersion = "Windows 11" });
}
