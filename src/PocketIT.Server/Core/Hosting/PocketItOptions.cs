namespace PocketIT.Server.Core.Hosting;

/// <summary>The <c>PocketIT</c> configuration section (environment form: <c>PocketIT__Key__Sub</c>).</summary>
public sealed class PocketItOptions
{
    public const string Section = "PocketIT";

    public string DataDir { get; set; } = "./data";
    public DatabaseOptions Database { get; set; } = new();
    public FacesOptions Faces { get; set; } = new();
    public AuthOptions Auth { get; set; } = new();
    public BootstrapOptions Bootstrap { get; set; } = new();
    public AiOptions Ai { get; set; } = new();
    public RateLimitOptions RateLimits { get; set; } = new();
    public InstallerOptions Installer { get; set; } = new();
}

public sealed class DatabaseOptions
{
    /// <summary><c>sqlite</c> (default) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = "sqlite";
    public string? ConnectionString { get; set; }
    public bool IsPostgres => string.Equals(Provider, "postgres", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Provider, "postgresql", StringComparison.OrdinalIgnoreCase);
}

public sealed class FaceOptions
{
    public bool Enabled { get; set; } = true;
    public int Port { get; set; }
}

public sealed class FacesOptions
{
    public FaceOptions PocketIt { get; set; } = new() { Port = 9100 };
    public FaceOptions RemoteSupport { get; set; } = new() { Port = 9101 };
    public FaceOptions DeviceGateway { get; set; } = new() { Port = 9102 };
    public FaceOptions ConnectAssist { get; set; } = new() { Port = 5001 };
    public FaceOptions ProPass { get; set; } = new() { Port = 5000 };

    public IEnumerable<(string Name, FaceOptions Face)> All() =>
    [
        ("PocketIt", PocketIt), ("RemoteSupport", RemoteSupport), ("DeviceGateway", DeviceGateway),
        ("ConnectAssist", ConnectAssist), ("ProPass", ProPass),
    ];
}

public sealed class AuthOptions
{
    /// <summary>Direct loopback connections without forwarding headers act as the bootstrap admin.</summary>
    public bool LocalhostBypass { get; set; } = true;
    /// <summary>HS256 signing secret; generated once into the data directory when unset.</summary>
    public string? JwtSecret { get; set; }
    public int JwtLifetimeHours { get; set; } = 8;
    public int BcryptWorkFactor { get; set; } = 10;
    /// <summary>Extra origins allowed by CORS, besides the server's own.</summary>
    public string[] CorsOrigins { get; set; } = [];
}

public sealed class BootstrapOptions
{
    public string? AdminPassword { get; set; }
}

public sealed class AiOptions
{
    public string Provider { get; set; } = "builtin";
    public string? Model { get; set; }
    public string? Url { get; set; }
    public string? ApiKey { get; set; }
    /// <summary>How long one provider call may take before the user gets the fallback reply.</summary>
    public int TimeoutSeconds { get; set; } = 120;
}

public sealed class RateLimitOptions
{
    /// <summary>Anonymous remote callers, per IP, per minute.</summary>
    public int ApiPerMinute { get; set; } = 100;
    /// <summary>Login and 2FA attempts per remote IP per 15 minutes.</summary>
    public int AuthPer15Minutes { get; set; } = 10;
    /// <summary>Enrollment-token generation per staff user per hour.</summary>
    public int EnrollmentTokensPerHour { get; set; } = 10;
    /// <summary>Failed logins per username before a 15-minute lock.</summary>
    public int LockoutThreshold { get; set; } = 5;
    /// <summary>Agent package downloads (anonymous, large) per remote IP per hour.</summary>
    public int PackageDownloadsPerHour { get; set; } = 30;
}

public sealed class InstallerOptions
{
    /// <summary>Published agent and bootstrapper packages (scripts/publish-packages.sh); default <c>&lt;DataDir&gt;/packages</c>.</summary>
    public string? PackagesDir { get; set; }
}
