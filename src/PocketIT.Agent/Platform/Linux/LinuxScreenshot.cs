namespace PocketIT.Agent.Platform.Linux;

/// <summary>
/// Takes a screenshot with whichever capture tool the desktop has (Wayland: grim; X11: scrot, ImageMagick's
/// import; GNOME: gnome-screenshot). A machine without a display session, or without any tool, gets null.
/// </summary>
public static class LinuxScreenshot
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    public static async Task<Screenshot?> CaptureAsync(CancellationToken ct)
    {
        var wayland = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WAYLAND_DISPLAY"));
        var x11 = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY"));
        if (!wayland && !x11) return null;

        var file = Path.Combine(Path.GetTempPath(), $"pocketit-screenshot-{Guid.NewGuid():N}.png");
        try
        {
            foreach (var (tool, args) in Attempts(file, wayland, x11))
            {
                if (CommandRunner.Find(tool) is not { } path) continue;
                var run = await CommandRunner.RunAsync(path, args, Timeout, ct);
                if (run.Succeeded && File.Exists(file) && new FileInfo(file).Length > 0)
                    return new Screenshot("image/png", await File.ReadAllBytesAsync(file, ct));
            }
            return null;
        }
        finally
        {
            try { File.Delete(file); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static IEnumerable<(string Tool, string[] Args)> Attempts(string file, bool wayland, bool x11)
    {
        if (wayland) yield return ("grim", [file]);
        yield return ("gnome-screenshot", ["-f", file]);
        if (x11)
        {
            yield return ("scrot", ["--overwrite", file]);
            yield return ("import", ["-window", "root", file]);
        }
    }
}
