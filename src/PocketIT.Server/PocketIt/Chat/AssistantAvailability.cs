namespace PocketIT.Server.PocketIt.Chat;

/// <summary>Notes §5 step 5: why the assistant is not answering a device, checked in the documented order.</summary>
public static class AssistantAvailability
{
    public const string Global = "global";
    public const string PerDevice = "per_device";
    public const string ItActive = "it_active";

    /// <summary><c>global</c> (<c>ai.enabled=false</c>), then <c>per_device</c>, then <c>it_active</c>; null when it may answer.</summary>
    public static string? DisabledReason(bool enabledGlobally, string? deviceAiDisabled, bool pausedByTechnician) =>
        !enabledGlobally ? Global
        : deviceAiDisabled is not null ? PerDevice
        : pausedByTechnician ? ItActive
        : null;
}
