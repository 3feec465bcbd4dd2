namespace PocketIT.Server.Assistant;

/// <summary>User text goes to the model inside <c>&lt;user_message&gt;</c>, sanitised, so it reads as data (notes §8.2).</summary>
public static class UserMessage
{
    private const string Open = "<user_message>";
    private const string Close = "</user_message>";

    public static string Wrap(string text) => Open + PromptSanitizer.Clean(text) + Close;

    public static string Unwrap(string text) =>
        text.StartsWith(Open, StringComparison.Ordinal) && text.EndsWith(Close, StringComparison.Ordinal)
            ? text[Open.Length..^Close.Length]
            : text;
}
