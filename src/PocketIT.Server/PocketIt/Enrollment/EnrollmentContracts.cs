using System.Text.Json.Serialization;

namespace PocketIT.Server.PocketIt.Enrollment;

public sealed record TokenRequest(int? ClientId);

public sealed record TokenResponse(
    string Token,
    [property: JsonPropertyName("expiresAt")] DateTime ExpiresAt,
    int ClientId,
    string ClientName);

public sealed record EnrollRequest(
    string? Token,
    [property: JsonPropertyName("deviceId")] string? DeviceId,
    string? Hostname,
    [property: JsonPropertyName("osVersion")] string? OsVersion);

public sealed record EnrollResponse(
    bool Success,
    [property: JsonPropertyName("deviceId")] string DeviceId,
    [property: JsonPropertyName("deviceSecret")] string DeviceSecret);
