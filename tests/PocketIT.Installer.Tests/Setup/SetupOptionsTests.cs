using PocketIT.Protocol;
using PocketIT.Setup;

namespace PocketIT.Installer.Tests.Setup;

public sealed class SetupOptionsTests
{
    private static readonly InstallerConfig Embedded = new("https://it.example.com/", "embedded-token");

    [Fact]
    public void Embedded_overlay_supplies_server_and_token()
    {
        var options = SetupOptions.Parse([], Embedded, out var error);
        Assert.Null(error);
        Assert.Equal("https://it.example.com", options.ServerUrl);
        Assert.Equal("embedded-token", options.Token);
        Assert.True(options.InstallDirIsDefault);
        Assert.Equal(SetupOptions.DefaultInstallDir(), options.InstallDir);
    }

    [Fact]
    public void Command_line_overrides_the_overlay()
    {
        var options = SetupOptions.Parse(["--server-url", "http://other:9100", "--token", "t2", "--install-dir", "/tmp/x", "--no-service", "--no-start"], Embedded, out var error);
        Assert.Null(error);
        Assert.Equal(("http://other:9100", "t2", "/tmp/x"), (options.ServerUrl, options.Token, options.InstallDir));
        Assert.False(options.InstallDirIsDefault);
        Assert.True(options.NoService && options.NoStart);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--token")]
    [InlineData("--install-dir", "--no-start")]
    public void Bad_arguments_are_reported(params string[] args)
    {
        SetupOptions.Parse(args, Embedded, out var error);
        Assert.NotNull(error);
    }

    [Fact]
    public void Systemd_unit_runs_the_installed_agent_from_its_folder()
    {
        var unit = AutoStart.SystemdUnit("/opt/pocketit", "/opt/pocketit/pocketit-agent");
        Assert.Contains("ExecStart=\"/opt/pocketit/pocketit-agent\"", unit);
        Assert.Contains("RestartPreventExitStatus=2 3 4 5 6", unit);
        Assert.Contains("WorkingDirectory=/opt/pocketit", unit);
        Assert.Contains("WantedBy=multi-user.target", unit);
    }
}
