using System.Text.Json;

namespace PocketIT.Server.Assistant;

/// <summary>
/// Diagnostic results fed back to the model as user-role text: a <c>[DIAGNOSTIC RESULTS - label]</c> line, then
/// <c>{checkType,status,results}</c> as JSON with anything tag-like blocked (notes §8.5).
/// </summary>
public sealed record DiagnosticFeedback(string CheckType, string Status, JsonElement Results)
{
    public const string Header = "[DIAGNOSTIC RESULTS - ";

    /// <summary>Unescaped, so the sanitiser sees role tags that default escaping would hide as \u003C.</summary>
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static bool IsFeedback(string text) => text.StartsWith(Header, StringComparison.Ordinal);

    public static string Format(string checkType, string status, JsonElement results)
    {
        var json = JsonSerializer.Serialize(new { checkType, status, results }, Relaxed);
        return $"{Header}{checkType}]\n{PromptSanitizer.Clean(json)}";
    }

    public static bool TryRead(string text, out DiagnosticFeedback feedback)
    {
        feedback = null!;
        if (!IsFeedback(text)) return false;
        var newline = text.IndexOf('\n');
        if (newline < 0) return false;
        try
        {
            using var doc = JsonDocument.Parse(text[(newline + 1)..]);
            var root = doc.RootElement;
            var checkType = root.GetProperty("checkType").GetString() ?? "";
            var status = root.GetProperty("status").GetString() ?? "";
            var results = root.TryGetProperty("results", out var r) ? r.Clone() : default;
            feedback = new DiagnosticFeedback(checkType, status, results);
            return true;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return false;
        }
    }
}
