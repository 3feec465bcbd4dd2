namespace PocketIT.Server.Core.Http;

/// <summary>Small checks shared by request handlers; each returns an error message or null.</summary>
public static class Validation
{
    public static bool IsBlank(string? value) => string.IsNullOrWhiteSpace(value);

    public static string? TooLong(string? value, int max, string field) =>
        value is not null && value.Length > max ? $"'{field}' exceeds {max:N0} characters" : null;

    /// <summary>The first non-null message, if any.</summary>
    public static string? First(params string?[] messages) => messages.FirstOrDefault(m => m is not null);

    /// <summary>Optional text: trimmed, and empty means "clear it".</summary>
    public static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
