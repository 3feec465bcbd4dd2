using System.IO.Compression;
using System.Text.Json;

namespace PocketIT.Server.PocketIt.Installer;

/// <summary>
/// Writes an agent package as a ZIP into a stream, file by file (no copy of the package in memory), leaving out any
/// <c>appsettings.json</c> it holds and optionally adding a generated one. Entries carry Unix permissions so the
/// agent extracts executable on Linux and macOS.
/// </summary>
public static class PackageZip
{
    private const int RegularFile = 0x8000; // S_IFREG
    private const UnixFileMode Executable = (UnixFileMode)0b111_101_101; // 0755
    private const UnixFileMode Readable = (UnixFileMode)0b110_100_100; // 0644
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task WriteAsync(Stream destination, IReadOnlyList<PackageFile> files, byte[]? agentSettings, CancellationToken ct)
    {
        await using var zip = await ZipArchive.CreateAsync(destination, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, ct);
        foreach (var file in files)
        {
            if (string.Equals(file.EntryName, PackageStore.AgentSettingsName, StringComparison.OrdinalIgnoreCase)) continue;
            var entry = zip.CreateEntry(file.EntryName, CompressionLevel.Fastest);
            entry.LastWriteTime = File.GetLastWriteTimeUtc(file.FullPath);
            entry.ExternalAttributes = UnixAttributes(ModeOf(file));
            await using var source = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
            await using var target = await entry.OpenAsync(ct);
            await source.CopyToAsync(target, ct);
        }
        if (agentSettings is not null)
        {
            var entry = zip.CreateEntry(PackageStore.AgentSettingsName, CompressionLevel.Fastest);
            entry.ExternalAttributes = UnixAttributes(Readable);
            await using var target = await entry.OpenAsync(ct);
            await target.WriteAsync(agentSettings, ct);
        }
    }

    /// <summary>notes §11: the agent's settings with the server, the token and the defaults.</summary>
    public static byte[] AgentSettings(string serverUrl, string token) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        Server = new { Url = serverUrl },
        Enrollment = new { Token = token },
        Database = new { Path = "pocket-it.db" },
        Monitoring = new { IntervalMinutes = 15 },
    }, Indented);

    /// <summary>The file's own mode on Unix; on Windows, executable for the agent binary and extension-less files.</summary>
    private static UnixFileMode ModeOf(PackageFile file)
    {
        if (!OperatingSystem.IsWindows()) return File.GetUnixFileMode(file.FullPath);
        return Path.HasExtension(file.EntryName) && !file.EntryName.EndsWith(".sh", StringComparison.Ordinal) ? Readable : Executable;
    }

    // The high 16 bits of a ZIP entry's external attributes hold st_mode for archives "made by" Unix.
    private static int UnixAttributes(UnixFileMode mode) => (RegularFile | (int)mode) << 16;
}
