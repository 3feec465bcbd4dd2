using System.Text.RegularExpressions;

namespace PocketIT.Server.Tests.Infrastructure;

/// <summary>Turns a route pattern into a concrete path.</summary>
public static partial class RoutePaths
{
    /// <summary>Values that match every parameter's type but name nothing that exists.</summary>
    public static readonly IReadOnlyDictionary<string, string> Placeholders = new Dictionary<string, string>
    {
        ["id"] = "999999", ["userId"] = "999999", ["noteId"] = "999999", ["deviceId"] = "no-such-device", ["fieldName"] = "nope",
    };

    public static string Fill(string route, IReadOnlyDictionary<string, string> values) =>
        Parameter().Replace(route, m => Uri.EscapeDataString(values.TryGetValue(m.Groups[1].Value, out var v) ? v : "1"));

    public static IEnumerable<string> Names(string route) => Parameter().Matches(route).Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"\{\*{0,2}(\w+)(?::[^}]*)?\}")]
    private static partial Regex Parameter();
}
