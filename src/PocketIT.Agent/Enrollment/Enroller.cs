using Microsoft.Extensions.Logging;
using PocketIT.Agent.Configuration;
using PocketIT.Agent.Identity;

namespace PocketIT.Agent.Enrollment;

/// <summary>An enrollment the agent cannot recover from by waiting; the host exits with <see cref="ExitCode"/>.</summary>
public sealed class EnrollmentFailedException(string message, int exitCode) : Exception(message)
{
    public int ExitCode => exitCode;
}

/// <summary>
/// First start (notes §3): reuse saved credentials the server still accepts, else enroll with the token,
/// retrying network errors and 5xx every <see cref="AgentSettings.EnrollmentRetry"/>. A refused token or an
/// already-enrolled device ends the agent with a clear message instead of looping.
/// </summary>
public sealed class Enroller(AgentSettings settings, EnrollmentApi api, CredentialStore store, ILogger<Enroller> log)
{
    public const int ExitNoToken = 3, ExitInvalidToken = 4, ExitAlreadyEnrolled = 5, ExitBadSecret = 6;

    public async Task<DeviceCredentials> EnsureEnrolledAsync(string deviceId, string hostname, CancellationToken ct)
    {
        var saved = store.Load();
        if (saved is not null && SameServer(saved) && await StillEnrolledAsync(saved, ct)) return saved;
        if (saved is not null && SameServer(saved) && saved.DeviceId != deviceId)
            deviceId = saved.DeviceId; // the server knows this device by its old id; do not enroll a twin

        var token = settings.EnrollmentToken
            ?? throw new EnrollmentFailedException(
                "This device is not enrolled and no enrollment token is configured: set Enrollment:Token in appsettings.json or pass --enroll-token.", ExitNoToken);
        while (true)
        {
            log.LogInformation("Enrolling device {DeviceId} with {Server}", deviceId, settings.ServerUrl);
            var outcome = await api.EnrollAsync(settings.ServerUrl, token, deviceId, hostname, ct);
            switch (outcome.Kind)
            {
                case EnrollOutcomeKind.Enrolled:
                    var credentials = new DeviceCredentials(deviceId, outcome.DeviceSecret!, settings.ServerUrl.ToString());
                    store.Save(credentials);
                    log.LogInformation("Enrolled as {DeviceId}; credentials saved to {Path}", deviceId, store.Path);
                    return credentials;
                case EnrollOutcomeKind.InvalidToken:
                    throw new EnrollmentFailedException(
                        $"The server refused the enrollment token ({outcome.Detail}). Ask IT for a new one and set Enrollment:Token or pass --enroll-token.", ExitInvalidToken);
                case EnrollOutcomeKind.AlreadyEnrolled:
                    throw new EnrollmentFailedException(
                        $"The server already has a device '{deviceId}' but this agent has no valid credentials for it ({outcome.Detail}). " +
                        "Ask IT to remove the device on the server, then start the agent again.", ExitAlreadyEnrolled);
                default:
                    log.LogWarning("Enrollment failed ({Detail}); retrying in {Seconds} s", outcome.Detail, settings.EnrollmentRetry.TotalSeconds);
                    await Task.Delay(settings.EnrollmentRetry, ct);
                    break;
            }
        }
    }

    private bool SameServer(DeviceCredentials saved) =>
        Uri.TryCreate(saved.ServerUrl, UriKind.Absolute, out var url) && Uri.Compare(url, settings.ServerUrl, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    private async Task<bool> StillEnrolledAsync(DeviceCredentials saved, CancellationToken ct)
    {
        switch (await api.StatusAsync(settings.ServerUrl, saved.DeviceId, saved.DeviceSecret, ct))
        {
            case StatusOutcome.NotEnrolled:
                log.LogWarning("The server no longer knows device {DeviceId}; enrolling again", saved.DeviceId);
                return false;
            case StatusOutcome.BadSecret:
                throw new EnrollmentFailedException(
                    $"The server rejects this agent's saved secret for device '{saved.DeviceId}'. Ask IT to remove the device on the server, " +
                    $"delete {store.Path}, and start the agent again with a new enrollment token.", ExitBadSecret);
            default:
                // Enrolled, or the server is unreachable / too old to say: connect and let the socket decide.
                return true;
        }
    }
}
