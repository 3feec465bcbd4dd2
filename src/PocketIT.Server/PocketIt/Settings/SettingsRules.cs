using PocketIT.Server.PocketIt.Llm;

namespace PocketIT.Server.PocketIt.Settings;

/// <summary>What each server setting accepts. Each check returns an error message a person can act on, or null.</summary>
public static class SettingsRules
{
    public const int MaxModel = 100;
    public const int MaxUrl = 500;
    public const int MaxApiKey = 500;

    public static string? Provider(string value) => LlmSettings.DefaultModels.ContainsKey(value)
        ? null
        : $"'llm.provider' must be one of: {string.Join(", ", LlmSettings.DefaultModels.Keys)}";

    public static string? Model(string value) =>
        value.Length > MaxModel || value.Any(char.IsControl) ? $"'llm.model' must be at most {MaxModel} printable characters" : null;

    /// <summary>For <c>claude-cli</c> the "URL" names the executable, so an absolute path is accepted there too.</summary>
    public static string? Url(string value, string provider)
    {
        if (value.Length > MaxUrl || value.Any(char.IsControl)) return $"'llm.url' must be at most {MaxUrl} printable characters";
        // /api/llm/config shows the URL to anyone, so it must not carry a password; the key field is for secrets.
        if (IsHttpUrl(value)) return new Uri(value).UserInfo.Length > 0 ? "'llm.url' must not contain a user name or password; use the API key" : null;
        if (provider == "claude-cli" && Path.IsPathFullyQualified(value)) return null;
        return provider == "claude-cli"
            ? "'llm.url' must be an absolute http(s) URL or, for claude-cli, the absolute path of the executable"
            : "'llm.url' must be an absolute http or https URL";
    }

    public static string? ApiKey(string value) =>
        value.Length > MaxApiKey || value.Any(char.IsControl) ? $"'llm.apiKey' must be at most {MaxApiKey} printable characters" : null;

    /// <summary>Devices are given this address, so it must be a plain base URL: no query, no fragment.</summary>
    public static string? PublicUrl(string value)
    {
        if (value.Length > MaxUrl || !IsHttpUrl(value)) return $"'server.publicUrl' must be an absolute http or https URL of at most {MaxUrl} characters";
        var uri = new Uri(value);
        if (uri.UserInfo.Length > 0) return "'server.publicUrl' must not contain a user name or password";
        return uri.Query.Length > 0 || uri.Fragment.Length > 0 || value.Contains('?') || value.Contains('#')
            ? "'server.publicUrl' must not have a query or fragment"
            : null;
    }

    private static bool IsHttpUrl(string value) =>
        !value.Any(char.IsWhiteSpace)
        && Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Host.Length > 0;
}
