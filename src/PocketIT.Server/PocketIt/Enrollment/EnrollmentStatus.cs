using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Core.Data;
using PocketIT.Server.Core.Http;
using PocketIT.Server.Core.Identity;

namespace PocketIT.Server.PocketIt.Enrollment;

public sealed record NotEnrolledResponse(bool Enrolled = false);

public sealed record EnrolledResponse(bool Enrolled, [property: System.Text.Json.Serialization.JsonPropertyName("deviceId")] string DeviceId);

/// <summary>
/// Notes §3: <c>GET /api/enrollment/status/:deviceId</c> lets an agent ask whether its stored credentials still
/// name an enrolled device. Anonymous by route, but it answers "enrolled" only to the holder of the device secret.
/// </summary>
public static class EnrollmentStatus
{
    public static async Task<IResult> CheckAsync(string deviceId, [FromHeader(Name = "x-device-secret")] string? secret, AppDbContext db)
    {
        if (string.IsNullOrEmpty(secret)) return ApiErrors.Unauthorized("Device secret required");
        var hash = deviceId.Length > 256 ? null
            : await db.Devices.AsNoTracking().Where(d => d.DeviceId == deviceId).Select(d => d.SecretHash).FirstOrDefaultAsync();
        if (hash is null) return Results.NotFound(new NotEnrolledResponse());
        // Constant-time compare of the hashes, as the device authentication handler does.
        if (secret.Length > 256 || !SecretHasher.Verify(secret, hash)) return ApiErrors.Unauthorized("Invalid device credentials");
        return Results.Ok(new EnrolledResponse(true, deviceId));
    }
}
