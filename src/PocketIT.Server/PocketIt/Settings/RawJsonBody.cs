using System.Text.Json;

namespace PocketIT.Server.PocketIt.Settings;

/// <summary>
/// Reads a request body as raw JSON, so a handler can tell an absent field from a null one. Read here rather than
/// bound, so the API document can describe the body's real shape with <c>Accepts&lt;T&gt;</c>.
/// </summary>
public static class RawJsonBody
{
    /// <summary>Null for an empty body; malformed JSON is an error message.</summary>
    public static async Task<(JsonElement? Body, string? Error)> ReadAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        if (buffer.Length == 0) return (null, null);
        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = 16 });
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException)
        {
            return (null, "The body is not valid JSON");
        }
    }
}
