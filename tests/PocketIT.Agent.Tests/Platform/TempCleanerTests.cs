using PocketIT.Agent.Platform;

namespace PocketIT.Agent.Tests.Platform;

public sealed class TempCleanerTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("pocketit-clean-").FullName;
    private readonly string outside = Directory.CreateTempSubdirectory("pocketit-outside-").FullName;
    private static readonly DateTime LongAgo = DateTime.UtcNow.AddDays(-3);

    public void Dispose()
    {
        Directory.Delete(root, recursive: true);
        Directory.Delete(outside, recursive: true);
    }

    private string OldFile(string path, int bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, new byte[bytes]);
        File.SetLastWriteTimeUtc(path, LongAgo);
        File.SetLastAccessTimeUtc(path, LongAgo);
        return path;
    }

    [Fact]
    public void Old_files_go_new_and_empty_ones_stay_and_links_are_never_followed()
    {
        var old = OldFile(Path.Combine(root, "old.bin"), 1000);
        var nested = OldFile(Path.Combine(root, "sub", "nested.bin"), 500);
        var fresh = Path.Combine(root, "fresh.bin");
        File.WriteAllBytes(fresh, new byte[100]);
        var empty = OldFile(Path.Combine(root, "empty.lock"), 0);
        var precious = OldFile(Path.Combine(outside, "precious.txt"), 300);
        var precious2 = OldFile(Path.Combine(outside, "dir", "inside.txt"), 300);
        File.CreateSymbolicLink(Path.Combine(root, "link-to-file"), precious);
        Directory.CreateSymbolicLink(Path.Combine(root, "link-to-dir"), Path.Combine(outside, "dir"));

        var report = TempCleaner.Clean(root, TimeSpan.FromHours(24), CancellationToken.None);

        Assert.False(File.Exists(old));
        Assert.False(File.Exists(nested));
        Assert.True(File.Exists(fresh));
        Assert.True(File.Exists(empty));
        Assert.True(File.Exists(precious));
        Assert.True(File.Exists(precious2));
        Assert.Equal(1500, report.BytesFreed);
        Assert.Contains("freed", report.Describe());
    }

    [Fact]
    public void Age_zero_clears_everything_below_the_root_but_keeps_the_root()
    {
        File.WriteAllBytes(Path.Combine(root, "a"), new byte[10]);
        Directory.CreateDirectory(Path.Combine(root, "d"));
        File.WriteAllBytes(Path.Combine(root, "d", "b"), new byte[20]);
        var report = TempCleaner.Clean(root, TimeSpan.Zero, CancellationToken.None);
        Assert.Equal(30, report.BytesFreed);
        Assert.True(Directory.Exists(root));
        Assert.Empty(Directory.EnumerateFileSystemEntries(root));
    }

    [Fact]
    public void A_root_that_is_a_link_or_missing_is_left_alone()
    {
        var target = OldFile(Path.Combine(outside, "keep.bin"), 50);
        var link = Path.Combine(root, "linked-root");
        Directory.CreateSymbolicLink(link, outside);
        Assert.Equal(CleanupReport.Empty, TempCleaner.Clean(link, TimeSpan.Zero, CancellationToken.None));
        Assert.Equal(CleanupReport.Empty, TempCleaner.Clean(Path.Combine(root, "missing"), TimeSpan.Zero, CancellationToken.None));
        Assert.True(File.Exists(target));
    }

    [Fact]
    public void Browser_cache_patterns_expand_one_level_wildcards()
    {
        Directory.CreateDirectory(Path.Combine(root, ".cache", "mozilla", "firefox", "abc.default", "cache2"));
        Directory.CreateDirectory(Path.Combine(root, ".cache", "google-chrome", "Default", "Cache"));
        Directory.CreateDirectory(Path.Combine(root, ".cache", "google-chrome", "Profile 1"));
        var caches = BrowserCaches.ForHomes([root]);
        Assert.Equal(2, caches.Count);
        Assert.Contains(Path.Combine(root, ".cache", "mozilla", "firefox", "abc.default", "cache2"), caches);
        Assert.Contains(Path.Combine(root, ".cache", "google-chrome", "Default", "Cache"), caches);
    }
}
