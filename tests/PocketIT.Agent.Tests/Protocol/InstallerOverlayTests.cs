using System.Text;
using PocketIT.Protocol;

namespace PocketIT.Agent.Tests.Protocol;

public class InstallerOverlayTests
{
    private static readonly InstallerConfig Config = new("https://it.example.com", "7d6f3c1e-1b2a-4c3d-9e8f-0a1b2c3d4e5f");

    [Fact]
    public void Overlay_is_json_then_length_then_magic()
    {
        var overlay = InstallerOverlay.Build(Config);
        var json = """{"ServerUrl":"https://it.example.com","EnrollmentToken":"7d6f3c1e-1b2a-4c3d-9e8f-0a1b2c3d4e5f"}"""u8.ToArray();
        Assert.Equal(json, overlay[..json.Length]);
        Assert.Equal(json.Length, BitConverter.ToInt32(overlay, json.Length));
        Assert.Equal("PKIT_CFG", Encoding.ASCII.GetString(overlay, json.Length + 4, 8));
        Assert.Equal(json.Length + 12, overlay.Length);
    }

    [Fact]
    public async Task Reader_finds_what_the_writer_appended()
    {
        var exe = new byte[4096];
        Random.Shared.NextBytes(exe);
        using var file = new MemoryStream();
        await InstallerOverlay.WriteAsync(new MemoryStream(exe), Config, file);
        Assert.Equal(exe, file.ToArray()[..exe.Length]);
        Assert.Equal(Config, InstallerOverlay.TryRead(file));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(10_001)]
    public void Reader_refuses_out_of_range_lengths(int length)
    {
        var json = Encoding.UTF8.GetBytes("""{"ServerUrl":"x","EnrollmentToken":"y"}""");
        var bytes = json.Concat(BitConverter.GetBytes(length)).Concat("PKIT_CFG"u8.ToArray()).ToArray();
        Assert.Null(InstallerOverlay.TryRead(new MemoryStream(bytes)));
    }

    [Fact]
    public void Reader_ignores_files_without_the_marker_or_with_broken_json()
    {
        Assert.Null(InstallerOverlay.TryRead(new MemoryStream(new byte[100])));
        var broken = "{not json"u8.ToArray();
        var bytes = broken.Concat(BitConverter.GetBytes(broken.Length)).Concat("PKIT_CFG"u8.ToArray()).ToArray();
        Assert.Null(InstallerOverlay.TryRead(new MemoryStream(bytes)));
    }
}
