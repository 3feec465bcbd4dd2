using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Core.Audit;
using PocketIT.Server.Core.Data;
using PocketIT.Server.Core.Http;
using PocketIT.Server.Core.Identity;
using PocketIT.Server.Core.Tenancy;

namespace PocketIT.Server.PocketIt.Clients;

/// <summary>Free-form facts about a client as a flat <c>{name: value}</c> object of strings.</summary>
public static class ClientCustomFieldEndpoints
{
    public const int MaxNameLength = 100;
    public const int MaxValueLength = 2000;
    public const int MaxFieldsPerRequest = 100;

    public static void MapClientCustomFields(this IEndpointRouteBuilder clients)
    {
        clients.MapGet("/{id}/custom-fields", List).RequireAuthorization(Policies.Staff);
        clients.MapPut("/{id}/custom-fields", Upsert).RequireAuthorization(Policies.Admin);
        clients.MapDelete("/{id}/custom-fields/{fieldName}", Delete).RequireAuthorization(Policies.Admin);
    }

    private static async Task<IResult> List(int id, ClaimsPrincipal user, ClientAccess access, AppDbContext db)
    {
        var (_, error) = await access.FindAsync(user, id);
        if (error is not null) return error;
        var fields = await db.ClientCustomFields.AsNoTracking().Where(f => f.ClientId == id)
            .OrderBy(f => f.Name).ToDictionaryAsync(f => f.Name, f => f.Value);
        return Results.Ok(fields);
    }

    private static async Task<IResult> Upsert(int id, CustomFieldsRequest body, ClaimsPrincipal user, ClientAccess access, AppDbContext db, AuditLog audit, TimeProvider time)
    {
        if (body.Fields is not { Count: > 0 } fields) return ApiErrors.BadRequest("fields is required and must be a non-empty object");
        if (fields.Count > MaxFieldsPerRequest) return ApiErrors.BadRequest($"At most {MaxFieldsPerRequest} fields per request");
        foreach (var (name, value) in fields)
        {
            if (Validation.IsBlank(name)) return ApiErrors.BadRequest("Field names cannot be empty");
            if (name.Length > MaxNameLength) return ApiErrors.BadRequest($"Field name exceeds {MaxNameLength} characters");
            if (value is null) return ApiErrors.BadRequest($"Value of '{name}' must be a string");
            if (value.Length > MaxValueLength) return ApiErrors.BadRequest($"Value of '{name}' exceeds {MaxValueLength:N0} characters");
        }
        var (found, error) = await access.FindAsync(user, id);
        if (error is not null) return error;
        var client = found!;

        var now = time.GetUtcNow().UtcDateTime;
        var names = fields.Keys.ToList();
        var existing = await db.ClientCustomFields.Where(f => f.ClientId == id && names.Contains(f.Name)).ToDictionaryAsync(f => f.Name);
        foreach (var (name, value) in fields)
        {
            if (existing.TryGetValue(name, out var row)) { row.Value = value; row.UpdatedAt = now; }
            else db.ClientCustomFields.Add(new ClientCustomField { ClientId = id, Name = name, Value = value, UpdatedAt = now });
        }
        audit.Record(user.Staff()!.Username, "custom_fields_updated", client.Slug, new { fields = names });
        await db.SaveChangesAsync();
        return Results.Ok(SuccessBody.Instance);
    }

    private static async Task<IResult> Delete(int id, string fieldName, ClaimsPrincipal user, ClientAccess access, AppDbContext db, AuditLog audit)
    {
        var (found, error) = await access.FindAsync(user, id);
        if (error is not null) return error;
        var client = found!;
        var removed = await db.ClientCustomFields.Where(f => f.ClientId == id && f.Name == fieldName).ExecuteDeleteAsync();
        if (removed == 0) return ApiErrors.NotFound("Field not found");
        await audit.RecordNowAsync(user.Staff()!.Username, "custom_fields_updated", client.Slug, new { deleted = fieldName });
        return Results.Ok(SuccessBody.Instance);
    }
}
