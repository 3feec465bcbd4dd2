using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using PocketIT.Agent.Platform;

namespace PocketIT.Agent.Tests.Runtime.Infrastructure;

/// <summary>A device platform that records what the runtime asked of it and answers with fixed data.</summary>
public sealed class FakePlatform : IDevicePlatform
{
    public const string CpuModel = "Fake CPU 9000 @ 3.2GHz";
    public string? MachineIdValue { get; init; }
    public ConcurrentQueue<(string ActionId, string? Parameter)> Remediations { get; } = new();
    public ConcurrentQueue<string> ChecksRun { get; } = new();
    public ConcurrentQueue<string> ToolsRun { get; } = new();
    public Screenshot? ScreenshotToReturn { get; init; } = new("image/png", [0x89, 0x50, 0x4e, 0x47]);
    public int ScreenshotsTaken;

    public string? MachineId() => MachineIdValue;

    public Task<JsonObject> CollectProfileAsync(CancellationToken ct) => Task.FromResult(new JsonObject
    {
        ["cpuModel"] = CpuModel,
        ["totalRamGB"] = 16,
        ["totalDiskGB"] = 512,
        ["processorCount"] = 8,
        ["osName"] = "FakeOS 1.0",
    });

    public IReadOnlyDictionary<string, IDiagnosticCheck> Checks => new Dictionary<string, IDiagnosticCheck>
    {
        ["cpu"] = new Check(this, "cpu", "ok", new JsonObject { ["usagePercent"] = 12 }),
        ["memory"] = new Check(this, "memory", "warning", new JsonObject { ["usagePercent"] = 75 }),
        ["disk"] = new Check(this, "disk", "ok", new JsonObject { ["drives"] = new JsonArray() }),
        ["services"] = new Check(this, "services", "warning", new JsonObject { ["stoppedAutoServices"] = new JsonArray("cups") }),
        ["event_log"] = new Check(this, "event_log", null, null), // throws: the runtime must report it, not crash
    };

    public Task<ActionOutcome> RemediateAsync(string actionId, string? parameter, CancellationToken ct)
    {
        Remediations.Enqueue((actionId, parameter));
        return Task.FromResult(new ActionOutcome(true, $"fake {actionId} completed"));
    }

    public Task<ToolOutcome> RunSystemToolAsync(string tool, JsonElement parameters, CancellationToken ct)
    {
        ToolsRun.Enqueue(tool);
        return Task.FromResult(new ToolOutcome(true, new JsonArray(), null));
    }

    public Task<Screenshot?> CaptureScreenshotAsync(CancellationToken ct)
    {
        Interlocked.Increment(ref ScreenshotsTaken);
        return Task.FromResult(ScreenshotToReturn);
    }

    private sealed class Check(FakePlatform owner, string type, string? status, JsonObject? results) : IDiagnosticCheck
    {
        public string CheckType => type;

        public Task<DiagnosticOutcome> RunAsync(CancellationToken ct)
        {
            owner.ChecksRun.Enqueue(type);
            if (status is null) throw new InvalidOperationException("fake event log is unreadable");
            return Task.FromResult(new DiagnosticOutcome(status, (JsonObject)results!.DeepClone()));
        }
    }
}
