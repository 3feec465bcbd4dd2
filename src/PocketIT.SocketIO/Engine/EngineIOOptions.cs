namespace PocketIT.SocketIO.Engine;

/// <summary>Transport-level settings shared by a bare Engine.IO endpoint and a Socket.IO server.</summary>
public class EngineIOOptions
{
    /// <summary>How often the server pings each client.</summary>
    public TimeSpan PingInterval { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>How long the server waits for the pong before it closes the session.</summary>
    public TimeSpan PingTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a WebSocket probe may take to send the upgrade packet.</summary>
    public TimeSpan UpgradeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The largest message or polling body accepted, in bytes (sent to clients as maxPayload).</summary>
    public int MaxHttpBufferSize { get; set; } = 1_000_000;

    public bool AllowPolling { get; set; } = true;
    public bool AllowWebSocket { get; set; } = true;
    public bool AllowUpgrades { get; set; } = true;

    /// <summary>Origins allowed by CORS for polling and by the WebSocket Origin check.
    /// Null: polling sends no CORS headers and a WebSocket with an Origin must come from the same host.
    /// "*": any origin.</summary>
    public IList<string>? CorsOrigins { get; set; }

    /// <summary>Send Access-Control-Allow-Credentials (the origin is then echoed instead of "*").</summary>
    public bool CorsCredentials { get; set; }

    /// <summary>Clock for heartbeats and timeouts; tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Granularity of the shared timer wheel.</summary>
    public TimeSpan TimerResolution { get; set; } = TimeSpan.FromMilliseconds(10);
}
