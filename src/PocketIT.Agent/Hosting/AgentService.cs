using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PocketIT.Agent.Configuration;
using PocketIT.Agent.Connection;
using PocketIT.Agent.Enrollment;
using PocketIT.Agent.Identity;
using PocketIT.Agent.Platform;

namespace PocketIT.Agent.Hosting;

/// <summary>The agent's life: know who it is, be enrolled, stay connected until told to stop.</summary>
public sealed class AgentService(
    AgentSettings settings, IDevicePlatform platform, Enroller enroller, ServerConnection connection, AgentExit exit,
    IHostApplicationLifetime lifetime, ILogger<AgentService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            OwnerOnlyFiles.EnsureDirectory(settings.DataDir);
            var deviceId = DeviceIdentity.Resolve(settings.DeviceIdOverride, platform, settings.DataDir);
            var hostname = Environment.MachineName;
            log.LogInformation("Pocket IT agent {Version}: device {DeviceId} ({Hostname}), server {Server}",
                ServerConnection.ClientVersion, deviceId, hostname, settings.ServerUrl);
            var credentials = await enroller.EnsureEnrolledAsync(deviceId, hostname, stoppingToken);
            while (!await connection.RunAsync(credentials, hostname, stoppingToken))
            {
                // Refused again and again: the device may have been removed on the server. The enrollment check
                // enrolls it again (with a token), stops with instructions (wrong secret), or keeps the credentials.
                log.LogWarning("The server keeps refusing device {DeviceId}; checking its enrollment", credentials.DeviceId);
                credentials = await enroller.EnsureEnrolledAsync(credentials.DeviceId, hostname, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        catch (EnrollmentFailedException e)
        {
            log.LogError("{Message}", e.Message);
            Stop(e.ExitCode, e.Message);
        }
        catch (Exception e)
        {
            log.LogCritical(e, "The agent stopped unexpectedly");
            Stop(1, e.Message);
        }
    }

    private void Stop(int code, string reason)
    {
        exit.Code = code;
        exit.Reason = reason;
        lifetime.StopApplication();
    }
}
