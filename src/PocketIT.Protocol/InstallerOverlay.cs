using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PocketIT.Protocol;

/// <summary>The server URL and enrollment token a bootstrapper carries for the client it was downloaded for.</summary>
public sealed record InstallerConfig(
    [property: JsonPropertyName("ServerUrl")] string ServerUrl,
    [property: JsonPropertyName("EnrollmentToken")] string EnrollmentToken);

/// <summary>
/// Notes §11: an executable carries its configuration appended after its own bytes, as
/// <c>exe ‖ UTF-8 JSON ‖ Int32 LE JSON length ‖ "PKIT_CFG"</c>. The loader ignores bytes past the image, so the
/// file still runs; the reader looks only at its tail.
/// </summary>
public static class InstallerOverlay
{
    public const int MaxJsonBytes = 10_000;
    private static readonly byte[] Magic = "PKIT_CFG"u8.ToArray();
    private const int TrailerLength = 12;

    /// <summary>The bytes to append to an executable so that <see cref="TryRead(Stream)"/> finds <paramref name="config"/>.</summary>
    public static byte[] Build(InstallerConfig config)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(config, OverlayJson.Default.InstallerConfig);
        if (json.Length > MaxJsonBytes) throw new ArgumentException("The installer configuration is too large.", nameof(config));
        var overlay = new byte[json.Length + TrailerLength];
        json.CopyTo(overlay, 0);
        BinaryPrimitives.WriteInt32LittleEndian(overlay.AsSpan(json.Length, 4), json.Length);
        Magic.CopyTo(overlay, json.Length + 4);
        return overlay;
    }

    /// <summary>Writes the executable followed by its overlay.</summary>
    public static async Task WriteAsync(Stream executable, InstallerConfig config, Stream destination, CancellationToken ct = default)
    {
        await executable.CopyToAsync(destination, ct);
        await destination.WriteAsync(Build(config), ct);
    }

    /// <summary>The configuration at the end of a seekable stream, or null when there is none or it is malformed.</summary>
    public static InstallerConfig? TryRead(Stream file)
    {
        if (!file.CanSeek || file.Length < TrailerLength + 2) return null;
        Span<byte> trailer = stackalloc byte[TrailerLength];
        file.Seek(-TrailerLength, SeekOrigin.End);
        file.ReadExactly(trailer);
        if (!trailer[4..].SequenceEqual(Magic)) return null;
        var length = BinaryPrimitives.ReadInt32LittleEndian(trailer[..4]);
        if (length is <= 0 or > MaxJsonBytes || length > file.Length - TrailerLength) return null;
        var json = new byte[length];
        file.Seek(-(TrailerLength + length), SeekOrigin.End);
        file.ReadExactly(json);
        try
        {
            var config = JsonSerializer.Deserialize(json, OverlayJson.Default.InstallerConfig);
            return config is { ServerUrl.Length: > 0, EnrollmentToken.Length: > 0 } ? config : null;
        }
        catch (JsonException) { return null; }
    }

    public static InstallerConfig? TryRead(string path)
    {
        using var file = File.OpenRead(path);
        return TryRead(file);
    }
}

[JsonSerializable(typeof(InstallerConfig))]
internal sealed partial class OverlayJson : JsonSerializerContext;
