using System.Text;
using PocketIT.Agent.Platform;

namespace PocketIT.Agent.Identity;

/// <summary>
/// The device id: a configured override, else the machine's own id (stable across reinstalls), else a random
/// GUID kept in the data folder. Normalised to lower-case letters, digits, '-' (also for spaces), '_' and '.', at most 128 chars.
/// </summary>
public static class DeviceIdentity
{
    public const int MaxLength = 128;
    private const string FallbackFileName = "device-id";

    public static string Resolve(string? configured, IDevicePlatform platform, string dataDir)
    {
        if (Normalise(configured) is { } fromConfig) return fromConfig;
        string? machine = null;
        try { machine = platform.MachineId(); } catch (Exception) { /* fall back to a stored id */ }
        return Normalise(machine) ?? StoredRandomId(dataDir);
    }

    public static string? Normalise(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var id = new StringBuilder(raw.Length);
        foreach (var c in raw.Trim().ToLowerInvariant())
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') id.Append(c);
            else if (c == ' ') id.Append('-');
        if (id.Length == 0) return null;
        return id.Length <= MaxLength ? id.ToString() : id.ToString(0, MaxLength);
    }

    private static string StoredRandomId(string dataDir)
    {
        var path = Path.Combine(dataDir, FallbackFileName);
        if (File.Exists(path) && Normalise(File.ReadAllText(path)) is { } stored) return stored;
        var id = Guid.NewGuid().ToString();
        OwnerOnlyFiles.EnsureDirectory(dataDir);
        OwnerOnlyFiles.WriteAtomically(path, id);
        return id;
    }
}
