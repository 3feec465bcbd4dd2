using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using PocketIT.Agent.Platform;

namespace PocketIT.Agent.Connection;

/// <summary>
/// Runs the platform's checks and shapes <c>diagnostic_result</c> payloads. A check that throws or hangs is
/// reported as <c>error</c> with the reason; it never takes the agent down.
/// </summary>
public sealed class DiagnosticsRunner(IDevicePlatform platform, ILogger<DiagnosticsRunner> log)
{
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromMinutes(2);

    public IReadOnlyCollection<string> Available => platform.Checks.Keys.ToArray();

    public async Task<DiagnosticOutcome> RunAsync(string checkType, CancellationToken ct)
    {
        if (!platform.Checks.TryGetValue(checkType, out var check))
            return new DiagnosticOutcome("unavailable", new JsonObject { ["error"] = $"The '{checkType}' check is not available on this device." });
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(CheckTimeout);
        try
        {
            return await check.RunAsync(limit.Token).WaitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new DiagnosticOutcome("error", new JsonObject { ["error"] = $"The check did not finish within {CheckTimeout.TotalSeconds:0} s." });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "The {CheckType} check failed", checkType);
            return new DiagnosticOutcome("error", new JsonObject { ["error"] = e.Message });
        }
    }

    /// <summary>The <c>diagnostic_result</c> payload for one outcome.</summary>
    public static JsonObject Payload(string checkType, DiagnosticOutcome outcome, string? requestId, bool silent)
    {
        var payload = new JsonObject
        {
            ["checkType"] = checkType,
            ["status"] = outcome.Status,
            ["results"] = outcome.Results.DeepClone(),
            ["silent"] = silent,
        };
        if (outcome.Label is not null) payload["label"] = outcome.Label;
        if (outcome.Value is not null) payload["value"] = outcome.Value;
        if (requestId is not null) payload["requestId"] = requestId;
        return payload;
    }

    /// <summary>Runs every check one after another (they share a small machine) and emits each result.</summary>
    public async Task RunAllAsync(IServerEmitter server, string? requestId, bool silent, CancellationToken ct)
    {
        foreach (var checkType in Available)
        {
            var outcome = await RunAsync(checkType, ct);
            await server.EmitAsync("diagnostic_result", Payload(checkType, outcome, requestId, silent), ct);
        }
    }
}
