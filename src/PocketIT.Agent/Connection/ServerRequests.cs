using System.Text.Json;
using Microsoft.Extensions.Logging;
using PocketIT.Agent.Approval;
using PocketIT.Agent.LocalChat;
using PocketIT.Agent.Platform;

namespace PocketIT.Agent.Connection;

/// <summary>
/// What the agent does when the server asks (notes §5, §7): checks against the local whitelist, asks the user
/// where required, runs through the platform and answers. Every request gets an answer, refusals included.
/// </summary>
public sealed class ServerRequests(
    DiagnosticsRunner diagnostics, IDevicePlatform platform, IApprovalPrompt approvals, ApprovalPolicy policy,
    IChatDisplay display, ILogger<ServerRequests> log)
{
    /// <summary><c>diagnostic_request</c>: IT runs silently; the assistant's need approval unless the policy pre-approves.</summary>
    public async Task DiagnosticAsync(JsonElement payload, IServerEmitter server, CancellationToken ct)
    {
        var checkType = PayloadFields.String(payload, "checkType", 64)?.ToLowerInvariant();
        var requestId = PayloadFields.String(payload, "requestId", 64);
        if (checkType is null) return;
        var itInitiated = PayloadFields.Flag(payload, "itInitiated");
        if (!itInitiated && !policy.AiDiagnostics)
        {
            var decision = await approvals.AskAsync($"The IT assistant wants to run {ActionNames.Diagnostic(checkType)} (reads system information, changes nothing).", ct);
            if (!decision.Approved)
            {
                // No diagnostic_result: the server would store it as a result and count it in the health score.
                display.Publish(LocalMessage.Line("system", $"The {checkType} check was not run: {decision.Reason}."));
                log.LogInformation("Assistant's {CheckType} check not run: {Reason}", checkType, decision.Reason);
                return;
            }
        }
        if (checkType == "all") await diagnostics.RunAllAsync(server, requestId, silent: itInitiated, ct);
        else
        {
            var outcome = await diagnostics.RunAsync(checkType, ct);
            await server.EmitAsync("diagnostic_result", DiagnosticsRunner.Payload(checkType, outcome, requestId, silent: itInitiated), ct);
        }
        if (!itInitiated) display.Publish(LocalMessage.Line("system", $"Ran {ActionNames.Diagnostic(checkType)}; the results went to the assistant."));
    }

    /// <summary><c>remediation_request</c>: local whitelist, then the user's approval (the server's autoApprove is not enough).</summary>
    public async Task RemediationAsync(JsonElement payload, IServerEmitter server, CancellationToken ct)
    {
        var requestId = PayloadFields.String(payload, "requestId", 64);
        var actionId = PayloadFields.String(payload, "actionId", 64);
        var parameter = PayloadFields.Scalar(payload, "parameter");
        if (requestId is null) return;
        var (success, message) = await RemediateAsync(actionId, parameter, ct);
        display.Publish(LocalMessage.Line("system", $"{TerminalText.Line(actionId)}: {(success ? "done" : "not done")}: {message}"));
        await server.EmitAsync("remediation_result", new { requestId, success, message }, ct);
    }

    private async Task<(bool Success, string Message)> RemediateAsync(string? actionId, string? parameter, CancellationToken ct)
    {
        if (LocalWhitelist.RefuseRemediation(actionId, parameter) is { } refusal)
        {
            log.LogWarning("Refused remediation {ActionId}: {Reason}", TerminalText.Line(actionId), refusal);
            return (false, "Refused by the device: " + refusal);
        }
        var action = actionId!;
        var argument = LocalWhitelist.ParameterFor(action, parameter);
        if (!policy.PreApprovesRemediation(action))
        {
            var decision = await approvals.AskAsync($"The IT assistant wants to {ActionNames.Remediation(action, argument)} [{action}].", ct);
            if (!decision.Approved) return (false, $"Not run: {decision.Reason}.");
        }
        try
        {
            var outcome = await platform.RemediateAsync(action, argument, ct);
            log.LogInformation("Remediation {ActionId}: {Success} {Message}", action, outcome.Success, outcome.Message);
            return (outcome.Success, outcome.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Remediation {ActionId} failed", action);
            return (false, "Failed: " + e.Message);
        }
    }

    /// <summary><c>screenshot_request</c>: always asks; a decline or a machine without a screen answers with no image.</summary>
    public async Task ScreenshotAsync(JsonElement payload, IServerEmitter server, CancellationToken ct)
    {
        var requestId = PayloadFields.String(payload, "requestId", 64);
        if (requestId is null) return;
        var reason = PayloadFields.String(payload, "reason", 500);
        var decision = await approvals.AskAsync("IT wants a screenshot of your screen" + (reason is null ? "." : $" (reason: {reason})."), ct);
        Screenshot? shot = null;
        if (decision.Approved)
        {
            try { shot = await platform.CaptureScreenshotAsync(ct); }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogWarning(e, "Screenshot failed"); }
        }
        if (shot is { MimeType: "image/png" or "image/jpeg", Bytes.Length: > 0 })
        {
            await server.EmitAsync("screenshot_result", new { requestId, imageBase64 = Convert.ToBase64String(shot.Bytes), mimeType = shot.MimeType }, ct);
            display.Publish(LocalMessage.Line("system", "Screenshot sent to IT."));
            return;
        }
        var why = decision.Approved ? "this device could not take a screenshot" : decision.Reason;
        display.Publish(LocalMessage.Line("system", $"No screenshot sent: {why}."));
        await server.EmitAsync("screenshot_result", new { requestId, imageBase64 = (string?)null, mimeType = (string?)null, error = why }, ct);
    }

    /// <summary><c>system_tool_request</c>: a technician's tool from the local whitelist.</summary>
    public async Task SystemToolAsync(JsonElement payload, IServerEmitter server, CancellationToken ct)
    {
        var requestId = PayloadFields.String(payload, "requestId", 64);
        var tool = PayloadFields.String(payload, "tool", 64);
        if (requestId is null) return;
        var parameters = PayloadFields.Element(payload, "params");
        if (LocalWhitelist.RefuseTool(tool, parameters) is { } refusal)
        {
            await server.EmitAsync("system_tool_result", new { requestId, tool, success = false, data = (object?)null, error = "Refused by the device: " + refusal }, ct);
            return;
        }
        ToolOutcome outcome;
        try { outcome = await platform.RunSystemToolAsync(tool!, parameters, ct); }
        catch (Exception e) when (e is not OperationCanceledException) { outcome = new ToolOutcome(false, null, e.Message); }
        await server.EmitAsync("system_tool_result", new { requestId, tool, success = outcome.Success, data = outcome.Data, error = outcome.Error }, ct);
    }
}
