using System.Text.Json.Nodes;
using PocketIT.Installer.Tests.Infrastructure;
using PocketIT.Protocol;
using PocketIT.Server.Tests.Infrastructure;

namespace PocketIT.Installer.Tests.Setup;

/// <summary>The published linux-x64 bootstrapper run as a real process against a live server.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class LinuxSetupTests(InstallerServerFixture fixture) : IClassFixture<InstallerServerFixture>
{
    private InstallerServer Server => fixture.Server;

    private async Task<string> NewTokenAsync()
    {
        var clientId = await Server.Api().CreateClientAsync();
        return (await (await Server.Api().Post("/api/enrollment/token", new { client_id = clientId })).ShouldSucceed())["token"]!.GetValue<string>();
    }

    [Fact]
    public async Task Setup_installs_the_agent_and_its_settings_keeping_the_old_data_and_the_token_unused()
    {
        var token = await NewTokenAsync();
        using var setup = new SetupProcess(new InstallerConfig(Server.ServerUrl, token));
        // An earlier install: its credentials must survive, its other files must not.
        Directory.CreateDirectory(Path.Combine(setup.InstallDir, "data"));
        await File.WriteAllTextAsync(Path.Combine(setup.InstallDir, "data", "credentials"), "device secret");
        await File.WriteAllTextAsync(Path.Combine(setup.InstallDir, "stale.dll"), "old");

        var (exitCode, output, errors) = await setup.RunAsync("--install-dir", setup.InstallDir, "--no-service", "--no-start");

        Assert.True(exitCode == 0, $"exit {exitCode}\n{output}\n{errors}");
        var agent = Path.Combine(setup.InstallDir, "pocketit-agent");
        Assert.True(File.Exists(agent));
        Assert.Equal(new FileInfo(PublishedPackages.LinuxAgent).Length, new FileInfo(agent).Length);
        Assert.True(File.GetUnixFileMode(agent).HasFlag(UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute));
        Assert.Equal("device secret", await File.ReadAllTextAsync(Path.Combine(setup.InstallDir, "data", "credentials")));
        Assert.False(File.Exists(Path.Combine(setup.InstallDir, "stale.dll")));
        Assert.Equal([setup.InstallDir], Directory.GetDirectories(Path.GetDirectoryName(setup.InstallDir)!)); // no staging or old copies left

        var settings = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(setup.InstallDir, "appsettings.json")))!;
        Assert.Equal(Server.ServerUrl, settings["Server"]!["Url"]!.GetValue<string>());
        Assert.Equal(token, settings["Enrollment"]!["Token"]!.GetValue<string>());
        Assert.Equal(15, settings["Monitoring"]!["IntervalMinutes"]!.GetValue<int>());

        Assert.Equal("active", (await Server.TokenRowAsync(token))!.Status);
    }

    [Fact]
    public async Task Setup_with_a_used_token_fails_with_the_servers_message_and_installs_nothing()
    {
        var token = await NewTokenAsync();
        await (await Server.RemoteApi().Post("/api/enrollment/enroll", new { token, deviceId = "dev-" + Guid.NewGuid().ToString("N")[..10], hostname = "PC" }))
            .ShouldSucceed();
        using var setup = new SetupProcess(new InstallerConfig(Server.ServerUrl, token));

        var (exitCode, output, errors) = await setup.RunAsync("--install-dir", setup.InstallDir, "--no-service", "--no-start");

        Assert.True(exitCode == 3, $"exit {exitCode}\n{output}\n{errors}");
        Assert.Contains("Invalid or expired token", errors);
        Assert.False(Directory.Exists(setup.InstallDir));
    }

    [Fact]
    public async Task Setup_without_an_overlay_or_options_explains_what_it_needs()
    {
        await PublishedPackages.EnsureAsync();
        using var setup = new SetupProcess(null);
        var (exitCode, _, errors) = await setup.RunAsync("--install-dir", setup.InstallDir, "--no-service");
        Assert.Equal(2, exitCode);
        Assert.Contains("carries no server address or enrollment token", errors);
    }

    [Fact]
    public async Task Setup_that_cannot_reach_the_server_says_so()
    {
        using var setup = new SetupProcess(new InstallerConfig("http://127.0.0.1:1", "some-token"));
        var (exitCode, _, errors) = await setup.RunAsync("--install-dir", setup.InstallDir, "--no-service", "--no-start");
        Assert.Equal(1, exitCode);
        Assert.Contains("Cannot reach the server at http://127.0.0.1:1", errors);
        Assert.False(Directory.Exists(setup.InstallDir));
    }
}
