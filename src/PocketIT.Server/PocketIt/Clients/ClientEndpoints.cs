using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Core.Audit;
using PocketIT.Server.Core.Data;
using PocketIT.Server.Core.Http;
using PocketIT.Server.Core.Identity;
using PocketIT.Server.Core.Tenancy;
using static PocketIT.Server.Core.Http.Validation;

namespace PocketIT.Server.PocketIt.Clients;

/// <summary>Clients (tenants): list and read for staff in scope, create/update/delete for admins.</summary>
public static class ClientEndpoints
{
    public static void MapClients(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/clients").WithTags("Clients");
        group.MapGet("", List).RequireAuthorization(Policies.Staff);
        group.MapGet("/{id}", Get).RequireAuthorization(Policies.Staff);
        group.MapPost("", Create).RequireAuthorization(Policies.Admin);
        group.MapPatch("/{id}", Update).RequireAuthorization(Policies.Admin);
        group.MapDelete("/{id}", Delete).RequireAuthorization(Policies.Admin);

        group.MapClientUsers();
        group.MapClientNotes();
        group.MapClientCustomFields();
    }

    private static async Task<IResult> List(ClaimsPrincipal user, AppDbContext db, ScopeService scopes)
    {
        var scope = await scopes.ForAsync(user.Staff()!);
        var query = db.Clients.AsNoTracking();
        if (!scope.All) query = query.Where(c => scope.ClientIds.Contains(c.Id));
        var rows = await query.OrderBy(c => c.Name).ToListAsync();
        return Results.Ok(rows.Select(ClientRow.From));
    }

    private static async Task<IResult> Get(int id, ClaimsPrincipal user, ClientAccess access)
    {
        var (client, error) = await access.FindAsync(user, id);
        return error ?? Results.Ok(ClientRow.From(client!));
    }

    private static async Task<IResult> Create(ClientWriteRequest body, ClaimsPrincipal user, AppDbContext db, AuditLog audit, TimeProvider time)
    {
        if (IsBlank(body.Name)) return ApiErrors.BadRequest("name is required");
        if (Invalid(body) is { } invalid) return ApiErrors.BadRequest(invalid);
        var name = body.Name!.Trim();
        if (await db.Clients.AnyAsync(c => c.Name == name)) return ApiErrors.BadRequest("Client name already exists");

        var client = new Client
        {
            Name = name,
            Slug = await UniqueSlugAsync(db, Slugs.From(name)),
            ContactName = Optional(body.ContactName),
            ContactEmail = Optional(body.ContactEmail),
            Notes = Optional(body.Notes),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Clients.Add(client);
        audit.Record(user.Staff()!.Username, "client_created", client.Slug, new { name });
        if (!await TrySaveAsync(db)) return ApiErrors.BadRequest("Client name already exists");
        return Results.Ok(new ClientSummary(client.Id, client.Name, client.Slug));
    }

    private static async Task<IResult> Update(int id, ClientWriteRequest body, ClaimsPrincipal user, ClientAccess access, AppDbContext db, AuditLog audit, TimeProvider time)
    {
        if (body.Name is null && body.ContactName is null && body.ContactEmail is null && body.Notes is null)
            return ApiErrors.BadRequest("No fields to update");
        if (Invalid(body) is { } invalid) return ApiErrors.BadRequest(invalid);
        var (found, error) = await access.FindAsync(user, id);
        if (error is not null) return error;
        var client = found!;

        if (body.Name is not null)
        {
            if (IsBlank(body.Name)) return ApiErrors.BadRequest("name cannot be empty");
            var name = body.Name.Trim();
            if (await db.Clients.AnyAsync(c => c.Name == name && c.Id != id)) return ApiErrors.BadRequest("Client name already exists");
            client.Name = name; // the slug stays: links and installers keep working
        }
        if (body.ContactName is not null) client.ContactName = Optional(body.ContactName);
        if (body.ContactEmail is not null) client.ContactEmail = Optional(body.ContactEmail);
        if (body.Notes is not null) client.Notes = Optional(body.Notes);
        client.UpdatedAt = time.GetUtcNow().UtcDateTime;
        audit.Record(user.Staff()!.Username, "client_updated", client.Slug);
        if (!await TrySaveAsync(db)) return ApiErrors.BadRequest("Client name already exists");
        return Results.Ok(SuccessBody.Instance);
    }

    private static async Task<IResult> Delete(int id, ClaimsPrincipal user, ClientAccess access, AppDbContext db, AuditLog audit)
    {
        var (found, error) = await access.FindAsync(user, id);
        if (error is not null) return error;
        var client = found!;
        if (await db.Devices.AnyAsync(d => d.ClientId == id))
            return ApiErrors.BadRequest("Client has devices assigned (reassign or remove devices first)");
        db.Clients.Remove(client);
        audit.Record(user.Staff()!.Username, "client_deleted", client.Slug, new { name = client.Name });
        await db.SaveChangesAsync();
        return Results.Ok(SuccessBody.Instance);
    }

    private static string? Invalid(ClientWriteRequest body) => First(
        TooLong(body.Name, 200, "name"),
        TooLong(body.ContactName, 200, "contact_name"),
        TooLong(body.ContactEmail, 320, "contact_email"),
        TooLong(body.Notes, 5000, "notes"));

    private static async Task<string> UniqueSlugAsync(AppDbContext db, string baseSlug)
    {
        var slug = baseSlug;
        for (var n = 2; await db.Clients.AnyAsync(c => c.Slug == slug); n++) slug = $"{baseSlug}-{n}";
        return slug;
    }

    /// <summary>A concurrent create with the same name loses on the unique index, not with a 500.</summary>
    private static async Task<bool> TrySaveAsync(AppDbContext db)
    {
        try { await db.SaveChangesAsync(); return true; }
        catch (DbUpdateException) { return false; }
    }
}
