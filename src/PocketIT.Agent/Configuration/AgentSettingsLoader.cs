using System.Globalization;
using Microsoft.Extensions.Configuration;
using PocketIT.Agent.LocalChat;
using PocketIT.Agent.LocalChat.Peers;
using PocketIT.Protocol;

namespace PocketIT.Agent.Configuration;

/// <summary>
/// Resolves the settings from three layers, first non-empty value wins: command-line options, then
/// <c>appsettings.json</c> in the config folder, then the <c>PKIT_CFG</c> overlay of the agent's own executable.
/// Empty strings count as unset, because the shipped appsettings.json carries empty placeholders.
/// </summary>
public static class AgentSettingsLoader
{
    public const string AppSettingsFileName = "appsettings.json";

    public static AgentSettings Load(CommandLine cli, string baseDir, string? executablePath)
    {
        var configDir = Full(cli.Overrides.GetValueOrDefault("Agent:ConfigDir") ?? baseDir);
        var file = ReadAppSettings(configDir);
        var overlay = ReadOverlay(executablePath);
        string? Value(string key, string? fromOverlay = null) =>
            NonEmpty(cli.Overrides.GetValueOrDefault(key)) ?? NonEmpty(file[key]) ?? NonEmpty(fromOverlay);

        var url = Value("Server:Url", overlay?.ServerUrl)
            ?? throw new ConfigurationException(
                $"No server URL: set Server:Url in {Path.Combine(configDir, AppSettingsFileName)} or pass --server-url.");
        var dataDir = DataDir(configDir, Value("Agent:DataDir"));
        return new AgentSettings
        {
            ServerUrl = ParseServerUrl(url),
            EnrollmentToken = Value("Enrollment:Token", overlay?.EnrollmentToken),
            ConfigDir = configDir,
            DataDir = dataDir,
            DeviceIdOverride = Value("Agent:DeviceId"),
            SharedSocketPath = SharedSocketPath(Value("LocalChat:SocketPath"), configDir, agentIsRoot: UnixAccount.IsRoot),
            ReconnectInterval = TimeSpan.FromMilliseconds(Number(Value("Server:ReconnectInterval"), "Server:ReconnectInterval", 5000, 100)),
            MonitoringInterval = TimeSpan.FromMinutes(Number(Value("Monitoring:IntervalMinutes"), "Monitoring:IntervalMinutes", 15, 1)),
            ApprovalTimeout = TimeSpan.FromSeconds(Number(Value("Approval:TimeoutSeconds"), "Approval:TimeoutSeconds", 180, 1)),
            EnrollmentRetry = TimeSpan.FromSeconds(Number(Value("Enrollment:RetrySeconds"), "Enrollment:RetrySeconds", 30, 1)),
            OfflineContacts = new OfflineContacts(Value("OfflineContacts:Phone"), Value("OfflineContacts:Email"), Value("OfflineContacts:Portal")),
        };
    }

    /// <summary>Just the data folder, for the commands that talk to a running agent and need no server URL.</summary>
    public static string DataDirOnly(CommandLine cli, string baseDir)
    {
        var configDir = Full(cli.Overrides.GetValueOrDefault("Agent:ConfigDir") ?? baseDir);
        return DataDir(configDir, NonEmpty(cli.Overrides.GetValueOrDefault("Agent:DataDir")) ?? NonEmpty(ReadAppSettingsIfAllowed(configDir)["Agent:DataDir"]));
    }

    /// <summary>The chat sockets <c>chat</c> and <c>status</c> try, in order: the data folder's, then the shared one.</summary>
    public static IReadOnlyList<string> ChatSocketsToTry(CommandLine cli, string baseDir)
    {
        var configDir = Full(cli.Overrides.GetValueOrDefault("Agent:ConfigDir") ?? baseDir);
        var configured = NonEmpty(cli.Overrides.GetValueOrDefault("LocalChat:SocketPath")) ?? NonEmpty(ReadAppSettingsIfAllowed(configDir)["LocalChat:SocketPath"]);
        var shared = SharedSocketPath(configured, configDir, agentIsRoot: true); // the agent may be root even when this command is not
        var own = ChatSocketPath.For(DataDirOnly(cli, baseDir));
        return shared is null ? [own] : [own, shared];
    }

    /// <summary>
    /// The shared chat socket: the configured path (relative to the config folder), none for <c>off</c>, else
    /// the OS's well-known path when the agent runs as root (a service the signed-in user cannot otherwise reach).
    /// </summary>
    public static string? SharedSocketPath(string? configured, string configDir, bool agentIsRoot)
    {
        if (string.Equals(configured, SharedChatSocket.Off, StringComparison.OrdinalIgnoreCase)) return null;
        if (configured is not null) return Full(Path.IsPathRooted(configured) ? configured : Path.Combine(configDir, configured));
        return agentIsRoot ? SharedChatSocket.DefaultPath() : null;
    }

    private static string DataDir(string configDir, string? configured) =>
        configured is null ? Path.Combine(configDir, "data") : Full(Path.IsPathRooted(configured) ? configured : Path.Combine(configDir, configured));

    /// <summary>An absolute http(s) URL; a trailing path is kept but the agent appends its own paths to the origin.</summary>
    public static Uri ParseServerUrl(string value)
    {
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
            throw new ConfigurationException($"Server:Url must be an absolute http:// or https:// URL, got '{value}'.");
        return new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
    }

    private static IConfiguration ReadAppSettings(string configDir)
    {
        var path = Path.Combine(configDir, AppSettingsFileName);
        try
        {
            return new ConfigurationBuilder().AddJsonFile(path, optional: true, reloadOnChange: false).Build();
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or IOException)
        {
            throw new ConfigurationException($"{path} is not valid JSON: {e.Message}");
        }
    }

    /// <summary>
    /// appsettings.json for <c>chat</c> and <c>status</c>, which a user other than the agent's may run: a file
    /// only the agent's account can read (it holds the enrollment token) counts as empty, so the defaults apply.
    /// </summary>
    private static IConfiguration ReadAppSettingsIfAllowed(string configDir)
    {
        try { return ReadAppSettings(configDir); }
        catch (UnauthorizedAccessException) { return new ConfigurationBuilder().Build(); }
    }

    private static InstallerConfig? ReadOverlay(string? executablePath)
    {
        if (string.IsNullOrEmpty(executablePath) || !File.Exists(executablePath)) return null;
        try { return InstallerOverlay.TryRead(executablePath); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    private static int Number(string? value, string key, int fallback, int min)
    {
        if (value is null) return fallback;
        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < min)
            throw new ConfigurationException($"{key} must be a whole number of at least {min}, got '{value}'.");
        return n;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Full(string path) => Path.GetFullPath(path);
}
