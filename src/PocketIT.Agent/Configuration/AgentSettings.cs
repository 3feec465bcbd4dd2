namespace PocketIT.Agent.Configuration;

/// <summary>The agent's resolved configuration (notes §11 keys plus the runtime's own), validated.</summary>
public sealed record AgentSettings
{
    public required Uri ServerUrl { get; init; }
    public string? EnrollmentToken { get; init; }
    /// <summary>Where credentials and the chat socket live; <c>data/</c> beside the executable by default.</summary>
    public required string DataDir { get; init; }
    /// <summary>Where appsettings.json and approval-policy.json are read from.</summary>
    public required string ConfigDir { get; init; }
    /// <summary>
    /// The shared chat socket for the signed-in user (<c>LocalChat:SocketPath</c>); by default only for an agent
    /// running as root, null when there is none.
    /// </summary>
    public string? SharedSocketPath { get; init; }
    /// <summary>Overrides the machine id (tests, cloned machines).</summary>
    public string? DeviceIdOverride { get; init; }
    public TimeSpan ReconnectInterval { get; init; } = TimeSpan.FromMilliseconds(5000);
    public TimeSpan ReconnectMax { get; init; } = TimeSpan.FromMinutes(2);
    public TimeSpan MonitoringInterval { get; init; } = TimeSpan.FromMinutes(15);
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan EnrollmentTimeout { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan EnrollmentRetry { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>How long an approval waits for an answer before it is declined.</summary>
    public TimeSpan ApprovalTimeout { get; init; } = TimeSpan.FromMinutes(3);
    public OfflineContacts OfflineContacts { get; init; } = new(null, null, null);

    public string CredentialsPath => Path.Combine(DataDir, "credentials.json");
    public string PolicyPath => Path.Combine(ConfigDir, ApprovalPolicyFileName);
    public const string ApprovalPolicyFileName = "approval-policy.json";
}

/// <summary>Who to call when the assistant cannot help (shown by the chat UI when the server is unreachable).</summary>
public sealed record OfflineContacts(string? Phone, string? Email, string? Portal)
{
    public bool Any => Phone is not null || Email is not null || Portal is not null;
}
