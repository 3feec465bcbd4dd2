using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PocketIT.Agent.Enrollment;

/// <summary>What the server said about an enrollment call. <see cref="Retry"/> means try again later.</summary>
public enum EnrollOutcomeKind { Enrolled, InvalidToken, AlreadyEnrolled, Retry }

public sealed record EnrollOutcome(EnrollOutcomeKind Kind, string? DeviceSecret, string Detail);

public enum StatusOutcome { Enrolled, NotEnrolled, BadSecret, Unknown }

/// <summary>The two enrollment endpoints of notes §3, over plain HTTP with a per-call timeout.</summary>
public sealed class EnrollmentApi(HttpClient http, TimeSpan timeout)
{
    public async Task<EnrollOutcome> EnrollAsync(Uri server, string token, string deviceId, string hostname, CancellationToken ct)
    {
        using var call = CancellationTokenSource.CreateLinkedTokenSource(ct);
        call.CancelAfter(timeout);
        try
        {
            using var response = await http.PostAsJsonAsync(new Uri(server, "api/enrollment/enroll"),
                new { token, deviceId, hostname, osVersion = System.Runtime.InteropServices.RuntimeInformation.OSDescription }, call.Token);
            var body = await ReadJsonAsync(response, call.Token);
            // The server's words end up in a log line and an exit message: cleaned and kept short.
            var error = Approval.TerminalText.Line(ErrorText(body) ?? response.ReasonPhrase ?? "");
            if (error.Length > 200) error = error[..200];
            return response.StatusCode switch
            {
                HttpStatusCode.OK or HttpStatusCode.Created when body?["deviceSecret"] is JsonValue v && v.TryGetValue<string>(out var secret) && secret.Length > 0
                    => new EnrollOutcome(EnrollOutcomeKind.Enrolled, secret, "enrolled"),
                HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                    => new EnrollOutcome(EnrollOutcomeKind.InvalidToken, null, error),
                HttpStatusCode.Conflict => new EnrollOutcome(EnrollOutcomeKind.AlreadyEnrolled, null, error),
                _ => new EnrollOutcome(EnrollOutcomeKind.Retry, null, $"HTTP {(int)response.StatusCode} {error}".Trim()),
            };
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is HttpRequestException or OperationCanceledException or JsonException or InvalidOperationException)
        {
            return new EnrollOutcome(EnrollOutcomeKind.Retry, null, e is OperationCanceledException ? "timed out" : e.Message);
        }
    }

    /// <summary>Notes §3 status check; an older server without the endpoint (404 without JSON) answers Unknown.</summary>
    public async Task<StatusOutcome> StatusAsync(Uri server, string deviceId, string secret, CancellationToken ct)
    {
        using var call = CancellationTokenSource.CreateLinkedTokenSource(ct);
        call.CancelAfter(timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server, "api/enrollment/status/" + Uri.EscapeDataString(deviceId)));
            request.Headers.Add("x-device-secret", secret);
            using var response = await http.SendAsync(request, call.Token);
            var enrolled = (await ReadJsonAsync(response, call.Token))?["enrolled"];
            return response.StatusCode switch
            {
                HttpStatusCode.OK when enrolled?.GetValueKind() == JsonValueKind.True => StatusOutcome.Enrolled,
                HttpStatusCode.NotFound when enrolled?.GetValueKind() == JsonValueKind.False => StatusOutcome.NotEnrolled,
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => StatusOutcome.BadSecret,
                _ => StatusOutcome.Unknown,
            };
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is HttpRequestException or OperationCanceledException)
        {
            return StatusOutcome.Unknown;
        }
    }

    private static string? ErrorText(JsonObject? body) =>
        body?["error"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static async Task<JsonObject?> ReadJsonAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try { return JsonNode.Parse(await response.Content.ReadAsStringAsync(ct)) as JsonObject; }
        catch (JsonException) { return null; }
    }
}
