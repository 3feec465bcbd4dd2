using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using PocketIT.Server.Core.Hosting;

namespace PocketIT.Server.PocketIt.Installer;

/// <summary>
/// The published packages (scripts/publish-packages.sh): <c>&lt;PackagesDir&gt;/&lt;rid&gt;/</c> holds the agent's files,
/// <c>&lt;PackagesDir&gt;/setup/&lt;rid&gt;/</c> the bootstrapper. Runtime identifiers are checked against a fixed pattern
/// before they touch a path, and symbolic links are never followed, so nothing outside a rid folder is served.
/// </summary>
public sealed partial class PackageStore(IOptions<PocketItOptions> options)
{
    public const string DefaultPlatform = "win-x64";
    public const string SetupExeName = "PocketIT.Setup.exe";
    public const string AgentSettingsName = "appsettings.json";

    public string Root { get; } = Path.GetFullPath(options.Value.Installer.PackagesDir is { Length: > 0 } dir
        ? dir
        : Path.Combine(options.Value.DataDir, "packages"));

    public static bool IsValidPlatform(string platform) => Platform().IsMatch(platform);

    public static bool IsWindows(string platform) => platform.StartsWith("win-", StringComparison.Ordinal);

    /// <summary>The agent's files for <paramref name="platform"/> (regular files only), or empty when it is not built.</summary>
    public IReadOnlyList<PackageFile> AgentFiles(string platform)
    {
        var dir = Path.Combine(Root, platform);
        if (!IsValidPlatform(platform) || !IsPlainDirectory(dir)) return [];
        var skipLinks = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        var prefix = dir + Path.DirectorySeparatorChar;
        return new DirectoryInfo(dir).EnumerateFiles("*", skipLinks)
            .Where(f => f.FullName.StartsWith(prefix, StringComparison.Ordinal))
            .Select(f => new PackageFile(f.FullName, Path.GetRelativePath(dir, f.FullName).Replace('\\', '/')))
            .OrderBy(f => f.EntryName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The bootstrapper for a Windows runtime, when it has been built.</summary>
    public string? SetupExe(string platform)
    {
        if (!IsValidPlatform(platform) || !IsWindows(platform)) return null;
        var dir = Path.Combine(Root, "setup", platform);
        var exe = new FileInfo(Path.Combine(dir, SetupExeName));
        return IsPlainDirectory(dir) && exe.Exists && exe.LinkTarget is null && exe.Length > 0 ? exe.FullName : null;
    }

    private static bool IsPlainDirectory(string path)
    {
        var info = new DirectoryInfo(path);
        return info.Exists && info.LinkTarget is null;
    }

    [GeneratedRegex("^(win|linux|osx)-(x64|arm64|x86)$")]
    private static partial Regex Platform();
}

/// <summary>One file of a package: where it is on disk and its path inside the ZIP.</summary>
public sealed record PackageFile(string FullPath, string EntryName);
