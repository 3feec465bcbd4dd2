using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Core.Audit;
using PocketIT.Server.Core.Data;
using PocketIT.Server.Core.Devices;
using PocketIT.Server.Core.Http;
using PocketIT.Server.Core.Identity;

namespace PocketIT.Server.PocketIt.Enrollment;

/// <summary>One-time tokens bound to a client, and the device enrollment that consumes them.</summary>
public static class EnrollmentEndpoints
{
    public static void MapEnrollment(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/enrollment").WithTags("Enrollment");
        group.MapPost("/token", CreateToken).RequireAuthorization(Policies.Admin).RequireRateLimiting(RateLimits.EnrollmentTokens);
        group.MapPost("/enroll", Enroll).AllowAnonymous();
        group.MapGet("/status/{deviceId}", EnrollmentStatus.CheckAsync).AllowAnonymous();
    }

    private static async Task<IResult> CreateToken(TokenRequest body, ClaimsPrincipal user, AppDbContext db, EnrollmentTokenIssuer tokens)
    {
        if (body.ClientId is not int clientId) return ApiErrors.BadRequest("client_id is required");
        var client = await db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.Id == clientId);
        if (client is null) return ApiErrors.NotFound("Client not found");

        var (token, row) = await tokens.IssueAsync(client, user.Staff()!.Username);
        return Results.Ok(new TokenResponse(token, row.ExpiresAt, client.Id, client.Name));
    }

    private static async Task<IResult> Enroll(EnrollRequest body, AppDbContext db, AuditLog audit, TimeProvider time)
    {
        if (Validation.IsBlank(body.Token) || Validation.IsBlank(body.DeviceId) || Validation.IsBlank(body.Hostname))
            return ApiErrors.BadRequest("Missing required fields");
        if (Validation.First(Validation.TooLong(body.DeviceId, 128, "deviceId"), Validation.TooLong(body.Hostname, 255, "hostname"),
                Validation.TooLong(body.OsVersion, 255, "osVersion")) is { } tooLong)
            return ApiErrors.BadRequest(tooLong);
        if (body.Token!.Length > EnrollmentTokenIssuer.MaxTokenLength) return ApiErrors.BadRequest("Invalid or expired token");

        var now = time.GetUtcNow().UtcDateTime;
        var tokenHash = SecretHasher.Hash(body.Token.Trim());
        var deviceId = body.DeviceId!.Trim();
        var token = await db.EnrollmentTokens.AsNoTracking()
            .FirstOrDefaultAsync(t => t.TokenHash == tokenHash && t.Status == EnrollmentTokenStatus.Active && t.ExpiresAt > now);
        if (token is null) return ApiErrors.BadRequest("Invalid or expired token");
        if (await db.Devices.AnyAsync(d => d.DeviceId == deviceId)) return ApiErrors.Conflict("Device already enrolled");

        var secret = SecretHasher.NewUuid();
        await using var transaction = await db.Database.BeginTransactionAsync();
        // Single use: of two concurrent enrollments only one flips the token from active to used.
        var consumed = await db.EnrollmentTokens
            .Where(t => t.Id == token.Id && t.Status == EnrollmentTokenStatus.Active)
            .ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Status, EnrollmentTokenStatus.Used)
                .SetProperty(t => t.UsedByDevice, deviceId)
                .SetProperty(t => t.UsedAt, now));
        if (consumed != 1) return ApiErrors.BadRequest("Invalid or expired token");

        db.Devices.Add(new Device
        {
            DeviceId = deviceId,
            SecretHash = SecretHasher.Hash(secret),
            Hostname = body.Hostname!.Trim(),
            OsVersion = Validation.Optional(body.OsVersion),
            Status = "online",
            ClientId = token.ClientId,
            EnrolledAt = now,
            LastSeen = now,
        });
        audit.Record(deviceId, "device_enrolled", deviceId, new { client_id = token.ClientId });
        try
        {
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        catch (DbUpdateException)
        {
            return ApiErrors.Conflict("Device already enrolled"); // lost a race on the device id; the rollback restores the token
        }
        return Results.Ok(new EnrollResponse(true, deviceId, secret));
    }
}
