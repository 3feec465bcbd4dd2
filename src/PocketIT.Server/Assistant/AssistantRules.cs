using PocketIT.Protocol;

namespace PocketIT.Server.Assistant;

/// <summary>What the assistant may ask a device to do (notes §8.2, §8.4); the agent shares these lists.</summary>
public static class AssistantRules
{
    public static readonly string[] CheckTypes = DeviceActions.CheckTypes;
    public static readonly string[] RemediationActions = DeviceActions.RemediationActions;
    public static readonly string[] RestartableServices = DeviceActions.RestartableServices;

    /// <summary>How long a PID from <c>top_processes</c> may be used by <c>kill_process</c>.</summary>
    public static readonly TimeSpan PidFreshness = TimeSpan.FromMinutes(10);

    public static bool IsCheckType(string? value) => value is not null && CheckTypes.Contains(value.ToLowerInvariant());
}
