namespace PocketIT.Server.Assistant;

/// <summary>What the system prompt says about the PC the assistant runs on. All values came from the device.</summary>
public sealed record DeviceContext(string DeviceId, string? Hostname, string? OsVersion, string? CpuModel,
    double? TotalRamGb, double? TotalDiskGb, int? ProcessorCount);
