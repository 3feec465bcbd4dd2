using PocketIT.Agent.Configuration;
using PocketIT.Protocol;

namespace PocketIT.Agent.Tests.Runtime;

public sealed class ConfigurationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pit-config-").FullName;

    private string WriteAppSettings(string json)
    {
        File.WriteAllText(Path.Combine(_dir, "appsettings.json"), json);
        return _dir;
    }

    private string ExecutableWithOverlay(string url, string token)
    {
        var path = Path.Combine(_dir, "pocketit-agent");
        using var file = File.Create(path);
        file.Write("fake executable bytes"u8);
        file.Write(InstallerOverlay.Build(new InstallerConfig(url, token)));
        return path;
    }

    private static CommandLine Cli(params string[] args) => CommandLine.Parse(args);

    [Fact]
    public void Command_line_beats_appsettings_which_beats_the_overlay()
    {
        WriteAppSettings("""{ "Server": { "Url": "http://file.example:9100" }, "Enrollment": { "Token": "file-token" } }""");
        var exe = ExecutableWithOverlay("http://overlay.example", "overlay-token");

        var fromFile = AgentSettingsLoader.Load(Cli(), _dir, exe);
        Assert.Equal(new Uri("http://file.example:9100/"), fromFile.ServerUrl);
        Assert.Equal("file-token", fromFile.EnrollmentToken);

        var fromCli = AgentSettingsLoader.Load(Cli("--server-url", "https://cli.example", "--enroll-token=cli-token"), _dir, exe);
        Assert.Equal(new Uri("https://cli.example/"), fromCli.ServerUrl);
        Assert.Equal("cli-token", fromCli.EnrollmentToken);
    }

    [Fact]
    public void The_overlay_fills_in_what_the_shipped_empty_appsettings_leaves_blank()
    {
        WriteAppSettings("""{ "Server": { "Url": "", "ReconnectInterval": 5000 }, "Enrollment": { "Token": "" } }""");
        var settings = AgentSettingsLoader.Load(Cli(), _dir, ExecutableWithOverlay("http://overlay.example:9100", "overlay-token"));
        Assert.Equal(new Uri("http://overlay.example:9100/"), settings.ServerUrl);
        Assert.Equal("overlay-token", settings.EnrollmentToken);
    }

    [Fact]
    public void Defaults_follow_the_notes_and_the_data_folder_is_beside_the_executable()
    {
        WriteAppSettings("""{ "Server": { "Url": "http://localhost:9100" } }""");
        var settings = AgentSettingsLoader.Load(Cli(), _dir, null);
        Assert.Equal(TimeSpan.FromMilliseconds(5000), settings.ReconnectInterval);
        Assert.Equal(TimeSpan.FromMinutes(15), settings.MonitoringInterval);
        Assert.Null(settings.EnrollmentToken);
        Assert.Equal(Path.Combine(_dir, "data"), settings.DataDir);
        Assert.Equal(Path.Combine(_dir, "approval-policy.json"), settings.PolicyPath);
    }

    [Fact]
    public void Configured_values_are_read()
    {
        WriteAppSettings("""
            { "Server": { "Url": "http://localhost:9100", "ReconnectInterval": 1000 },
              "Monitoring": { "IntervalMinutes": 5 },
              "OfflineContacts": { "Phone": "555-0100", "Email": "it@example.com" },
              "Agent": { "DataDir": "state", "DeviceId": "Lab-PC-7" } }
            """);
        var settings = AgentSettingsLoader.Load(Cli(), _dir, null);
        Assert.Equal(TimeSpan.FromSeconds(1), settings.ReconnectInterval);
        Assert.Equal(TimeSpan.FromMinutes(5), settings.MonitoringInterval);
        Assert.Equal("555-0100", settings.OfflineContacts.Phone);
        Assert.Null(settings.OfflineContacts.Portal);
        Assert.Equal(Path.Combine(_dir, "state"), settings.DataDir);
        Assert.Equal("Lab-PC-7", settings.DeviceIdOverride);
        Assert.Equal(Path.Combine(_dir, "state"), AgentSettingsLoader.DataDirOnly(Cli(), _dir));
        Assert.Equal("/tmp/x", AgentSettingsLoader.DataDirOnly(Cli("chat", "--data-dir", "/tmp/x"), _dir));
    }

    [Theory]
    [InlineData("""{ "Server": { "Url": "" } }""", "No server URL")]
    [InlineData("""{ "Server": { "Url": "ftp://example.com" } }""", "absolute http:// or https:// URL")]
    [InlineData("""{ "Server": { "Url": "localhost:9100" } }""", "absolute http:// or https:// URL")]
    [InlineData("""{ "Server": { "Url": "/relative" } }""", "absolute http:// or https:// URL")]
    [InlineData("""{ "Server": { "Url": "http://ok", "ReconnectInterval": "soon" } }""", "Server:ReconnectInterval must be a whole number")]
    [InlineData("""{ "Server": { "Url": "http://ok" }, "Monitoring": { "IntervalMinutes": 0 } }""", "Monitoring:IntervalMinutes")]
    [InlineData("""{ "Server": { "Url": "http://ok" """, "not valid JSON")]
    public void Bad_configuration_is_refused_with_a_clear_message(string json, string message)
    {
        WriteAppSettings(json);
        var e = Assert.Throws<ConfigurationException>(() => AgentSettingsLoader.Load(Cli(), _dir, null));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void The_command_line_knows_its_verbs_and_options()
    {
        Assert.Equal("run", Cli().Verb);
        Assert.Equal("chat", Cli("chat").Verb);
        Assert.Equal("status", Cli("status", "--data-dir", "/x").Verb);
        Assert.Equal("help", Cli("--help").Verb);
        Assert.Equal("T", Cli("--enroll-token", "T").Overrides["Enrollment:Token"]);
        Assert.Contains("Unknown option", Assert.Throws<ConfigurationException>(() => Cli("--sever-url", "x")).Message);
        Assert.Contains("needs a value", Assert.Throws<ConfigurationException>(() => Cli("--server-url")).Message);
        Assert.Contains("Unknown command", Assert.Throws<ConfigurationException>(() => Cli("chatt")).Message);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
