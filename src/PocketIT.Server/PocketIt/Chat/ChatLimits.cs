namespace PocketIT.Server.PocketIt.Chat;

/// <summary>Limits on live chat (notes §5, §6; the document's rate-limit roadmap).</summary>
public static class ChatLimits
{
    public const int MaxContent = 10_000;
    public const int MessagesPerWindow = 30;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    /// <summary>How long a technician's message keeps the assistant quiet on that device.</summary>
    public static readonly TimeSpan ItPause = TimeSpan.FromMinutes(5);
    public const int HistoryOnConnect = 20;
    public const int HistoryForWatchers = 50;

    public const string TooLong = "Your message is too long. Please keep it under 10,000 characters.";
    public const string SlowDown = "You're sending messages too quickly. Please wait a moment and try again.";
    public const string TechnicianActive = "A technician is helping you with this device right now; they will answer here shortly.";
    public const string AssistantOffEverywhere = "The assistant is turned off right now. A technician will be connected to help you.";
    public const string AssistantOff = "The assistant is turned off for this device. A technician will be connected to help you.";
}
