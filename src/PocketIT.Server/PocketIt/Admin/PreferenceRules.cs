namespace PocketIT.Server.PocketIt.Admin;

/// <summary>The four documented preference keys and the values each accepts.</summary>
public static class PreferenceRules
{
    public const int MaxItemsPerPage = 500;
    private static readonly string[] Keys = ["theme", "defaultPage", "itemsPerPage", "dateFormat"];

    public static bool IsKnown(string key) => Keys.Contains(key);

    /// <summary>An error message for a bad value, else null.</summary>
    public static string? Invalid(string key, string value) => key switch
    {
        "theme" => value is "dark" or "light" ? null : "'theme' must be \"dark\" or \"light\"",
        "dateFormat" => value is "relative" or "absolute" ? null : "'dateFormat' must be \"relative\" or \"absolute\"",
        "itemsPerPage" => value.Length is > 0 and <= 3 && value.All(char.IsAsciiDigit) && int.Parse(value) is > 0 and <= MaxItemsPerPage
            ? null
            : $"'itemsPerPage' must be a whole number from 1 to {MaxItemsPerPage}, as a string",
        "defaultPage" => string.IsNullOrWhiteSpace(value) || value.Length > 100 ? "'defaultPage' must be a page name of 1 to 100 characters" : null,
        _ => null,
    };
}
