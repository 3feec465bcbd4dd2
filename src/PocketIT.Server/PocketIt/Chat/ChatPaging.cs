using System.Globalization;

namespace PocketIT.Server.PocketIt.Chat;

/// <summary>Reads <c>limit</c> and <c>offset</c> from the query: whole numbers, not negative, limit capped.</summary>
public static class ChatPaging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static (int Limit, int Offset, string? Error) Parse(string? limit, string? offset)
    {
        if (!TryRead(limit, DefaultLimit, out var l)) return (0, 0, "limit must be a non-negative integer");
        if (!TryRead(offset, 0, out var o)) return (0, 0, "offset must be a non-negative integer");
        return (Math.Min(l, MaxLimit), o, null);
    }

    private static bool TryRead(string? raw, int fallback, out int value)
    {
        value = fallback;
        if (string.IsNullOrEmpty(raw)) return true;
        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
