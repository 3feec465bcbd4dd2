using System.Text.Json;
using System.Text.Json.Nodes;

namespace PocketIT.Agent.Platform;

/// <summary>
/// Everything the agent needs from the operating system, one implementation per OS. The runtime (connection,
/// approval, scheduling) talks only to this seam, so it is tested with a fake and the OS code is tested on its own.
/// </summary>
public interface IDevicePlatform
{
    /// <summary>A stable id for this machine (Linux /etc/machine-id, Windows MachineGuid, macOS IOPlatformUUID), or null.</summary>
    string? MachineId();

    /// <summary>The <c>system_profile</c> payload (notes §10 keys, camelCase), read from the real machine.</summary>
    Task<JsonObject> CollectProfileAsync(CancellationToken ct);

    /// <summary>The diagnostic checks this OS offers (notes §7), keyed by check type.</summary>
    IReadOnlyDictionary<string, IDiagnosticCheck> Checks { get; }

    /// <summary>Carries out one whitelisted remediation (already approved by the user).</summary>
    Task<ActionOutcome> RemediateAsync(string actionId, string? parameter, CancellationToken ct);

    /// <summary>Runs one whitelisted system tool with parameters the server has already checked.</summary>
    Task<ToolOutcome> RunSystemToolAsync(string tool, JsonElement parameters, CancellationToken ct);

    /// <summary>A screenshot of the user's screen (already approved), or null when this machine cannot take one.</summary>
    Task<Screenshot?> CaptureScreenshotAsync(CancellationToken ct);
}

/// <summary>One diagnostic check: <c>cpu</c>, <c>disk</c>, ...</summary>
public interface IDiagnosticCheck
{
    string CheckType { get; }
    Task<DiagnosticOutcome> RunAsync(CancellationToken ct);
}

/// <summary>A check's verdict (<c>ok</c>, <c>warning</c> or <c>error</c> by the notes' thresholds) and its results object.</summary>
public sealed record DiagnosticOutcome(string Status, JsonObject Results, string? Label = null, string? Value = null);

public sealed record ActionOutcome(bool Success, string Message);

public sealed record ToolOutcome(bool Success, JsonNode? Data, string? Error);

public sealed record Screenshot(string MimeType, byte[] Bytes);
