using System.Runtime.Versioning;

namespace PocketIT.Agent.Platform.Windows;

/// <summary>
/// Captures the virtual screen with a fixed PowerShell script (System.Windows.Forms + System.Drawing) into a temp
/// PNG. It only sees a desktop when the agent runs in the user's session; from session 0 (a service) it yields null.
/// </summary>
[SupportedOSPlatform("windows")]
public static class WindowsScreenshot
{
    private const string Script = """
        Add-Type -AssemblyName System.Windows.Forms, System.Drawing
        $b = [System.Windows.Forms.SystemInformation]::VirtualScreen
        $bmp = New-Object System.Drawing.Bitmap $b.Width, $b.Height
        $g = [System.Drawing.Graphics]::FromImage($bmp)
        try { $g.CopyFromScreen($b.Left, $b.Top, 0, 0, $bmp.Size); $bmp.Save($env:PKIT_FILE, [System.Drawing.Imaging.ImageFormat]::Png) }
        finally { $g.Dispose(); $bmp.Dispose() }
        """;

    public static async Task<Screenshot?> CaptureAsync(CancellationToken ct)
    {
        if (!Environment.UserInteractive) return null;
        var file = Path.Combine(Path.GetTempPath(), $"pocketit-screenshot-{Guid.NewGuid():N}.png");
        try
        {
            var run = await PowerShell.RunAsync(Script, ct, new Dictionary<string, string> { ["PKIT_FILE"] = file }, TimeSpan.FromSeconds(30));
            return run.Succeeded && File.Exists(file) && new FileInfo(file).Length > 0
                ? new Screenshot("image/png", await File.ReadAllBytesAsync(file, ct))
                : null;
        }
        finally
        {
            try { File.Delete(file); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
