namespace PocketIT.Agent.Platform.Linux;

/// <summary>Reads procfs/sysfs/etc files where absence or denial is normal and simply means "unknown".</summary>
public static class LinuxFiles
{
    public static string? Read(string path)
    {
        try { return File.Exists(path) ? File.ReadAllText(path) : null; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    /// <summary>A one-line sysfs value, trimmed; null when missing, unreadable or blank.</summary>
    public static string? Value(string path)
    {
        var text = Read(path)?.Trim().Replace("\0", "");
        return string.IsNullOrEmpty(text) ? null : text;
    }

    public static byte[]? Bytes(string path)
    {
        try { return File.Exists(path) ? File.ReadAllBytes(path) : null; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    public static string? FirstExisting(params string[] paths) => paths.FirstOrDefault(File.Exists);
}
