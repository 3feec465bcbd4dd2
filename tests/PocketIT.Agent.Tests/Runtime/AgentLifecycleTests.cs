using System.Text.Json.Nodes;
using PocketIT.Agent.Enrollment;
using PocketIT.Agent.Identity;
using PocketIT.Agent.Tests.Runtime.Infrastructure;

namespace PocketIT.Agent.Tests.Runtime;

/// <summary>The agent against the real server: enroll, come online with profile and checks, reconnect, go offline.</summary>
public sealed class AgentLifecycleTests(AgentTestServer server) : IClassFixture<AgentTestServer>
{
    [Fact]
    public async Task Enrolls_comes_online_with_profile_diagnostics_and_health_then_goes_offline_on_stop()
    {
        var settings = RunningAgent.SettingsFor(server.BaseUri, await server.NewEnrollmentTokenAsync());
        var agent = await RunningAgent.StartAsync(settings);
        await using (agent)
        {
            var device = await Eventually.Get(async () =>
                await server.DeviceAsync(agent.DeviceId) is { } d && d["status"]?.GetValue<string>() == "online"
                    && d["cpu_model"]?.GetValue<string>() == FakePlatform.CpuModel && d["health_score"] is not null ? d : null,
                "the device online with its profile and a health score");
            // cpu ok, memory warning, disk ok, services warning, event_log error (the fake check throws): 300 / 5
            Assert.Equal(16, device["total_ram_gb"]!.GetValue<double>());

            var checks = await Eventually.Get(async () =>
            {
                var rows = await server.DiagnosticsAsync(agent.DeviceId);
                return rows.Count >= 5 ? rows : null;
            }, "a stored result for each of the five checks");
            var byType = checks.ToDictionary(r => r!["check_type"]!.GetValue<string>(), r => r!["status"]!.GetValue<string>());
            Assert.Equal("ok", byType["cpu"]);
            Assert.Equal("warning", byType["memory"]);
            Assert.Equal("error", byType["event_log"]);
            Assert.Contains("fake event log is unreadable", checks.First(r => r!["check_type"]!.GetValue<string>() == "event_log")!["data"]!.GetValue<string>());
            await Eventually.True(async () => (await server.DeviceAsync(agent.DeviceId))!["health_score"]!.GetValue<int>() == 60,
                "the health score over all five results");

            var saved = new CredentialStore(settings.CredentialsPath).Load();
            Assert.NotNull(saved);
            Assert.Equal(agent.DeviceId, saved.DeviceId);
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(settings.CredentialsPath));

            await agent.StopAsync();
            await Eventually.True(async () => (await server.DeviceAsync(agent.DeviceId))!["status"]!.GetValue<string>() == "offline",
                "the device offline after the agent stopped");
        }
    }

    [Fact]
    public async Task Reuses_saved_credentials_on_the_next_start_without_a_token()
    {
        var settings = RunningAgent.SettingsFor(server.BaseUri, await server.NewEnrollmentTokenAsync());
        await using (var first = await RunningAgent.StartAsync(settings))
        {
            first.DeleteDataOnDispose = false;
            await Eventually.True(() => first.Connection.Connected, "the first run connected");
        }

        await using var second = await RunningAgent.StartAsync(settings with { EnrollmentToken = null });
        await Eventually.True(() => second.Connection.Connected, "the second run connected with the saved secret");
        Assert.Equal(0, second.ExitCode);
    }

    [Fact]
    public async Task Reconnects_after_the_server_drops_the_connection()
    {
        var settings = RunningAgent.SettingsFor(server.BaseUri, await server.NewEnrollmentTokenAsync());
        await using var agent = await RunningAgent.StartAsync(settings);
        await Eventually.True(() => agent.Connection.Sessions == 1 && agent.Connection.Connected, "the first connection");
        var saved = new CredentialStore(settings.CredentialsPath).Load()!;

        // Another socket for the same device makes the server drop the agent's (a reconnect replaces the old socket).
        using (var intruder = new SocketIOClient.SocketIO(new Uri(server.BaseUri, "agent"), new SocketIOClient.SocketIOOptions
        {
            Reconnection = false,
            Auth = new { deviceSecret = saved.DeviceSecret },
            Query = [new("deviceId", saved.DeviceId), new("hostname", "intruder")],
        }))
        {
            await intruder.ConnectAsync();
            await Eventually.True(() => agent.Connection.Sessions >= 2 && agent.Connection.Connected, "the agent back on a second connection");
        }
        await Eventually.True(async () => (await server.DeviceAsync(agent.DeviceId))!["status"]!.GetValue<string>() == "online",
            "the device online again");
    }

    [Fact]
    public async Task An_invalid_token_stops_the_agent_with_a_clear_exit_code()
    {
        var settings = RunningAgent.SettingsFor(server.BaseUri, Guid.NewGuid().ToString());
        await using var agent = await RunningAgent.StartAsync(settings);
        await Eventually.True(() => agent.ExitCode == Enroller.ExitInvalidToken, "exit code for a refused token");
        Assert.Null(await server.DeviceAsync(agent.DeviceId));
        Assert.False(File.Exists(settings.CredentialsPath));
    }

    [Fact]
    public async Task A_device_enrolled_elsewhere_without_saved_credentials_is_reported_not_retried()
    {
        var settings = RunningAgent.SettingsFor(server.BaseUri, await server.NewEnrollmentTokenAsync());
        await using (var first = await RunningAgent.StartAsync(settings))
        {
            first.DeleteDataOnDispose = false;
            await Eventually.True(() => first.Connection.Connected, "the first run connected");
        }
        File.Delete(settings.CredentialsPath);

        await using var second = await RunningAgent.StartAsync(settings with { EnrollmentToken = await server.NewEnrollmentTokenAsync() });
        await Eventually.True(() => second.ExitCode == Enroller.ExitAlreadyEnrolled, "exit code for an already enrolled device");
    }

    [Fact]
    public async Task A_secret_the_server_refuses_is_noticed_rather_than_retried_blindly()
    {
        var settings = RunningAgent.SettingsFor(server.BaseUri, await server.NewEnrollmentTokenAsync());
        await using (var first = await RunningAgent.StartAsync(settings))
        {
            first.DeleteDataOnDispose = false;
            await Eventually.True(() => first.Connection.Connected, "the first run connected");
        }
        var store = new CredentialStore(settings.CredentialsPath);
        store.Save(store.Load()! with { DeviceSecret = Guid.NewGuid().ToString() });

        await using var second = await RunningAgent.StartAsync(settings with { EnrollmentToken = null });
        // A server with the status endpoint rejects the secret up front (exit 6); an older one refuses the socket,
        // and after a few refusals the agent checks its enrollment again instead of retrying forever unchanged.
        await Eventually.True(() => second.ExitCode == Enroller.ExitBadSecret
            || second.Connection.Refusals >= Connection.ServerConnection.RefusalsBeforeGivingUp, "the refusal noticed");
        Assert.False(second.Connection.Connected);
    }

    [Fact]
    public async Task Heartbeats_move_last_seen_and_checks_run_again_on_schedule()
    {
        var settings = RunningAgent.SettingsFor(server.BaseUri, await server.NewEnrollmentTokenAsync()) with
        {
            HeartbeatInterval = TimeSpan.FromMilliseconds(300),
            MonitoringInterval = TimeSpan.FromMilliseconds(500),
        };
        await using var agent = await RunningAgent.StartAsync(settings);
        await Eventually.True(() => agent.Connection.Connected, "connected");
        // The profile (which also sets last_seen) is sent before the checks; once their rows are stored it has been handled.
        await Eventually.True(async () => (await server.DiagnosticsAsync(agent.DeviceId)).Count >= 5, "the connect-time results stored");
        var firstSeen = (await server.DeviceAsync(agent.DeviceId))!["last_seen"]!.GetValue<DateTime>();

        await Eventually.True(async () => (await server.DeviceAsync(agent.DeviceId))!["last_seen"]!.GetValue<DateTime>() > firstSeen,
            "a heartbeat moving last_seen");
        await Eventually.True(() => agent.Platform.ChecksRun.Count(c => c == "cpu") >= 3, "the checks run on schedule after the connect-time round");
    }

    [Fact]
    public async Task Keeps_retrying_enrollment_while_the_server_fails()
    {
        // A "server" that accepts and hangs up: every enrollment attempt is a network error.
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var attempts = 0;
        using var stop = new CancellationTokenSource();
        var accepting = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var socket = await listener.AcceptSocketAsync(stop.Token);
                Interlocked.Increment(ref attempts);
            }
        });
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        await using var agent = await RunningAgent.StartAsync(RunningAgent.SettingsFor(new Uri($"http://127.0.0.1:{port}/"), "some-token"));

        await Eventually.True(() => Volatile.Read(ref attempts) >= 3, "three enrollment attempts");
        Assert.Equal(0, agent.ExitCode);
        Assert.False(agent.Connection.Connected);
        await stop.CancelAsync();
    }
}
