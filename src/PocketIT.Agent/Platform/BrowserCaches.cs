namespace PocketIT.Agent.Platform;

/// <summary>
/// Where the common browsers keep their disposable caches (never profiles, cookies or history), per OS, under
/// a home directory.
/// </summary>
public static class BrowserCaches
{
    private static readonly string[] LinuxPatterns =
    [
        ".cache/mozilla/firefox/*/cache2",
        ".cache/google-chrome/*/Cache", ".cache/google-chrome/*/Code Cache",
        ".cache/chromium/*/Cache", ".cache/chromium/*/Code Cache",
        ".cache/BraveSoftware/Brave-Browser/*/Cache",
        ".cache/microsoft-edge/*/Cache",
        "snap/firefox/common/.cache/mozilla/firefox/*/cache2",
    ];

    private static readonly string[] MacPatterns =
    [
        "Library/Caches/Firefox/Profiles/*/cache2",
        "Library/Caches/Google/Chrome/*/Cache", "Library/Caches/Google/Chrome/*/Code Cache",
        "Library/Caches/com.apple.Safari",
        "Library/Caches/Microsoft Edge/*/Cache",
    ];

    private static readonly string[] WindowsPatterns =
    [
        "AppData/Local/Mozilla/Firefox/Profiles/*/cache2",
        "AppData/Local/Google/Chrome/User Data/*/Cache", "AppData/Local/Google/Chrome/User Data/*/Code Cache",
        "AppData/Local/Microsoft/Edge/User Data/*/Cache", "AppData/Local/Microsoft/Edge/User Data/*/Code Cache",
        "AppData/Local/BraveSoftware/Brave-Browser/User Data/*/Cache",
    ];

    public static IReadOnlyList<string> ForHomes(IEnumerable<string> homes)
    {
        var patterns = OperatingSystem.IsWindows() ? WindowsPatterns : OperatingSystem.IsMacOS() ? MacPatterns : LinuxPatterns;
        return homes.Where(h => !string.IsNullOrEmpty(h)).Distinct()
            .SelectMany(home => patterns.SelectMany(p => Expand(home, p.Split('/'))))
            .Where(d => new DirectoryInfo(d).LinkTarget is null)
            .Distinct().ToList();
    }

    /// <summary>Expands a relative pattern whose segments may be <c>*</c> (one directory level) under a root.</summary>
    public static IEnumerable<string> Expand(string root, IReadOnlyList<string> segments)
    {
        IEnumerable<string> current = [root];
        foreach (var segment in segments)
        {
            current = segment == "*"
                ? current.SelectMany(SafeSubdirectories)
                : current.Select(c => Path.Combine(c, segment)).Where(Directory.Exists);
        }
        return current;
    }

    private static IEnumerable<string> SafeSubdirectories(string dir)
    {
        try { return Directory.GetDirectories(dir); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return []; }
    }
}
