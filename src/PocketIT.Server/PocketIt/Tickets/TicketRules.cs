namespace PocketIT.Server.PocketIt.Tickets;

/// <summary>The values and limits a ticket accepts.</summary>
public static class TicketRules
{
    public static readonly string[] Statuses = ["open", "in_progress", "resolved", "closed"];
    public static readonly string[] Priorities = ["low", "medium", "high", "critical"];
    public const string DefaultPriority = "medium";

    public const int MaxTitle = 200;
    public const int MaxDescription = 10_000;
    public const int MaxCategory = 100;
    public const int MaxComment = 10_000;
    public const int MaxAuthor = 100;

    public static string InvalidStatus => $"Invalid status (allowed: {string.Join(", ", Statuses)})";
    public static string InvalidPriority => $"Invalid priority (allowed: {string.Join(", ", Priorities)})";

    public static bool IsStatus(string value) => Statuses.Contains(value);
    public static bool IsPriority(string value) => Priorities.Contains(value);
}
