using System.Text.RegularExpressions;

namespace PocketIT.Server.Assistant;

/// <summary>
/// Neutralises what could steer the model from untrusted text (user chat, diagnostic JSON): action tags,
/// fake result headers, role tags and leading role prefixes become <c>[BLOCKED_TAG]</c> (notes §8.5).
/// </summary>
public static partial class PromptSanitizer
{
    public const string Blocked = "[BLOCKED_TAG]";

    [GeneratedRegex(@"\[ACTION:[^\]]*\]?|\[DIAGNOSTIC RESULTS[^\]]*\]?", RegexOptions.IgnoreCase)] private static partial Regex Tags();
    [GeneratedRegex(@"</?\s*(user_message|it_guidance|system|assistant|tool_result)\b[^>]*>", RegexOptions.IgnoreCase)] private static partial Regex RoleTags();
    [GeneratedRegex(@"^\s*(system|assistant|user)\s*:", RegexOptions.IgnoreCase | RegexOptions.Multiline)] private static partial Regex RolePrefix();

    public static string Clean(string text) =>
        RolePrefix().Replace(RoleTags().Replace(Tags().Replace(text, Blocked), Blocked), Blocked);
}
