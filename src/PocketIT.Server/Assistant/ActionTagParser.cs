using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace PocketIT.Server.Assistant;

/// <summary>An action the assistant asked for. Only the members of its type are set; the rest stay out of the JSON.</summary>
public sealed record AssistantAction
{
    [JsonPropertyName("type")] public required string Type { get; init; }
    [JsonPropertyName("checkType"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? CheckType { get; init; }
    [JsonPropertyName("actionId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? ActionId { get; init; }
    /// <summary>Present (possibly null) on remediate actions only.</summary>
    [JsonPropertyName("parameter"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Parameter { get; init; }
    [JsonPropertyName("scriptId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? ScriptId { get; init; }
    [JsonPropertyName("priority"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Priority { get; init; }
    [JsonPropertyName("title"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Title { get; init; }
    [JsonPropertyName("description"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Description { get; init; }
    /// <summary>Set by the server once a ticket exists, so the chat row points at it.</summary>
    [JsonPropertyName("ticketId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? TicketId { get; init; }
}

public sealed record WishTag(string Category, string Need);

public sealed record ParsedReply(string Text, AssistantAction? Action, WishTag? Wish);

/// <summary>
/// Reads the action tags out of an assistant reply (notes §8.3): WISH is removed first, then the first of
/// DIAGNOSE, REMEDIATE, RUN_SCRIPT, SCREENSHOT, TICKET wins and only that tag is removed; the text is trimmed.
/// </summary>
public static partial class ActionTagParser
{
    [GeneratedRegex(@"\[ACTION:WISH:(\w+):([^\]]+)\]", RegexOptions.IgnoreCase)] private static partial Regex Wish();
    [GeneratedRegex(@"\[ACTION:DIAGNOSE:(\w+)\]", RegexOptions.IgnoreCase)] private static partial Regex Diagnose();
    [GeneratedRegex(@"\[ACTION:REMEDIATE:(\w+)(?::([^\]]+))?\]", RegexOptions.IgnoreCase)] private static partial Regex Remediate();
    [GeneratedRegex(@"\[ACTION:RUN_SCRIPT:(\d+)\]", RegexOptions.IgnoreCase)] private static partial Regex RunScript();
    [GeneratedRegex(@"\[ACTION:SCREENSHOT\]", RegexOptions.IgnoreCase)] private static partial Regex Screenshot();
    [GeneratedRegex(@"\[ACTION:TICKET:(\w+):([^\]|]+)(?:\|([^\]]*))?\]", RegexOptions.IgnoreCase)] private static partial Regex Ticket();

    public static ParsedReply Parse(string? reply)
    {
        var text = reply ?? "";
        WishTag? wish = null;
        if (Wish().Match(text) is { Success: true } w)
        {
            wish = new WishTag(w.Groups[1].Value, w.Groups[2].Value.Trim());
            text = text.Remove(w.Index, w.Length);
        }

        AssistantAction? action = null;
        Match? used = null;
        if (Diagnose().Match(text) is { Success: true } d)
            (action, used) = (new AssistantAction { Type = "diagnose", CheckType = d.Groups[1].Value }, d);
        else if (Remediate().Match(text) is { Success: true } r)
            (action, used) = (new AssistantAction { Type = "remediate", ActionId = r.Groups[1].Value, Parameter = r.Groups[2].Success ? r.Groups[2].Value : null }, r);
        else if (RunScript().Match(text) is { Success: true } s && int.TryParse(s.Groups[1].Value, out var scriptId))
            (action, used) = (new AssistantAction { Type = "run_script", ScriptId = scriptId }, s);
        else if (Screenshot().Match(text) is { Success: true } sc)
            (action, used) = (new AssistantAction { Type = "screenshot" }, sc);
        else if (Ticket().Match(text) is { Success: true } t)
        {
            var description = t.Groups[3].Success ? t.Groups[3].Value.Trim() : null;
            action = new AssistantAction
            {
                Type = "ticket",
                Priority = t.Groups[1].Value,
                Title = t.Groups[2].Value.Trim(),
                Description = string.IsNullOrEmpty(description) ? null : description,
            };
            used = t;
        }
        if (used is not null) text = text.Remove(used.Index, used.Length);
        return new ParsedReply(text.Trim(), action, wish);
    }
}
