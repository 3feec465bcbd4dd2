using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PocketIT.Agent.Approval;
using PocketIT.Agent.Configuration;
using PocketIT.Agent.Connection;
using PocketIT.Agent.Hosting;
using PocketIT.Agent.LocalChat;

namespace PocketIT.Agent.Tests.Runtime.Infrastructure;

/// <summary>The agent's real host with a <see cref="FakePlatform"/>, in a temp data folder, against a test server.</summary>
public sealed class RunningAgent : IAsyncDisposable
{
    private RunningAgent(IHost host, AgentSettings settings, FakePlatform platform)
    {
        Host = host;
        Settings = settings;
        Platform = platform;
    }

    public IHost Host { get; }
    public AgentSettings Settings { get; }
    public FakePlatform Platform { get; }
    public string DeviceId => Settings.DeviceIdOverride!;
    public ServerConnection Connection => Host.Services.GetRequiredService<ServerConnection>();
    public int ExitCode => Host.Services.GetRequiredService<AgentExit>().Code;
    public string SocketPath => ChatSocketPath.For(Settings.DataDir);
    /// <summary>False for a test that starts the agent again on the same data folder.</summary>
    public bool DeleteDataOnDispose { get; set; } = true;

    public static AgentSettings SettingsFor(Uri server, string? token, TimeSpan? approvalTimeout = null) => new()
    {
        ServerUrl = server,
        EnrollmentToken = token,
        DataDir = Path.Combine(Path.GetTempPath(), "pit-" + Guid.NewGuid().ToString("N")[..10], "data"),
        ConfigDir = Path.GetTempPath(),
        DeviceIdOverride = "agent-test-" + Guid.NewGuid().ToString("N")[..12],
        ReconnectInterval = TimeSpan.FromMilliseconds(200),
        ReconnectMax = TimeSpan.FromSeconds(1),
        EnrollmentRetry = TimeSpan.FromMilliseconds(300),
        ApprovalTimeout = approvalTimeout ?? TimeSpan.FromSeconds(30),
    };

    public static async Task<RunningAgent> StartAsync(AgentSettings settings, ApprovalPolicy? policy = null, FakePlatform? platform = null)
    {
        platform ??= new FakePlatform();
        var host = AgentHost.Build(settings, platform, policy ?? ApprovalPolicy.AskEverything);
        await host.StartAsync();
        return new RunningAgent(host, settings, platform);
    }

    /// <summary>A chat session as <c>pocketit-agent chat</c> runs it, driven line by line.</summary>
    public ScriptedChat Chat() => ScriptedChat.Start(SocketPath);

    public Task StopAsync() => Host.StopAsync(TimeSpan.FromSeconds(15));

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Host.Dispose();
        if (DeleteDataOnDispose)
            try { Directory.Delete(Path.GetDirectoryName(Settings.DataDir)!, recursive: true); } catch (IOException) { }
    }
}
