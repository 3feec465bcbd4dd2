using System.Net;
using System.Text.Json;

namespace PocketIT.Setup;

/// <summary>Fetches the agent package (<c>GET /api/installer/package</c>) to a file, turning refusals into readable errors.</summary>
internal static class PackageDownloader
{
    public static async Task DownloadAsync(string serverUrl, string token, string rid, string destination, CancellationToken ct)
    {
        var url = $"{serverUrl}/api/installer/package?token={Uri.EscapeDataString(token)}&platform={Uri.EscapeDataString(rid)}";
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(15) };
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            throw new SetupException($"Cannot reach the server at {serverUrl}: {e.Message}");
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var message = await ErrorMessageAsync(response, ct);
                throw response.StatusCode switch
                {
                    HttpStatusCode.Unauthorized => new SetupException(
                        $"The server refused this installer's enrollment token: {message}. Download a fresh installer from the dashboard.", ExitCodes.Refused),
                    HttpStatusCode.BadRequest => new SetupException($"The server refused the request: {message}", ExitCodes.Refused),
                    HttpStatusCode.ServiceUnavailable => new SetupException(
                        $"The server has no agent package for {rid} yet: {message}", ExitCodes.Refused),
                    HttpStatusCode.TooManyRequests => new SetupException($"The server is busy: {message}. Try again in a few minutes."),
                    _ => new SetupException($"Download failed: HTTP {(int)response.StatusCode} {message}"),
                };
            }
            await using var file = File.Create(destination);
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            await body.CopyToAsync(file, ct);
        }
    }

    /// <summary>The <c>{"error": "..."}</c> message, or the status text when the body is something else.</summary>
    private static async Task<string> ErrorMessageAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String)
                return error.GetString()!;
        }
        catch (JsonException) { }
        return response.ReasonPhrase ?? ((int)response.StatusCode).ToString();
    }
}
