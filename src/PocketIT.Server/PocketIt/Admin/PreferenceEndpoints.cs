using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Core.Data;
using PocketIT.Server.Core.Http;
using PocketIT.Server.Core.Identity;

namespace PocketIT.Server.PocketIt.Admin;

/// <summary>The caller's dashboard preferences: a flat object of whitelisted string values.</summary>
public static class PreferenceEndpoints
{
    public static void MapPreferences(this RouteGroupBuilder user)
    {
        user.MapGet("/preferences", Get).RequireAuthorization(Policies.Staff);
        user.MapPut("/preferences", Save).RequireAuthorization(Policies.Staff);
    }

    private static async Task<IResult> Get(ClaimsPrincipal principal, AppDbContext db)
    {
        var id = principal.Staff()!.Id;
        var rows = await db.UserPreferences.AsNoTracking().Where(p => p.UserId == id).ToListAsync();
        return Results.Ok(rows.Where(p => PreferenceRules.IsKnown(p.Key)).ToDictionary(p => p.Key, p => p.Value));
    }

    /// <summary>Bound as raw JSON values so unknown keys of any type are ignored rather than failing the whole body.</summary>
    private static async Task<IResult> Save(Dictionary<string, JsonElement>? body, ClaimsPrincipal principal, AppDbContext db)
    {
        var accepted = new Dictionary<string, string>();
        foreach (var (key, value) in body ?? [])
        {
            if (!PreferenceRules.IsKnown(key)) continue;
            if (value.ValueKind != JsonValueKind.String) return ApiErrors.BadRequest($"'{key}' must be a string");
            // raw JSON values skip the global NUL-stripping string converter, and PostgreSQL refuses NUL in text
            var text = value.GetString()!.Replace("\0", "");
            if (PreferenceRules.Invalid(key, text) is { } message) return ApiErrors.BadRequest(message);
            accepted[key] = text;
        }
        if (accepted.Count == 0) return ApiErrors.BadRequest("No valid preference keys provided");

        var id = principal.Staff()!.Id;
        var keys = accepted.Keys.ToList();
        var stored = await db.UserPreferences.Where(p => p.UserId == id && keys.Contains(p.Key)).ToListAsync();
        foreach (var (key, text) in accepted)
        {
            if (stored.FirstOrDefault(p => p.Key == key) is { } existing) existing.Value = text;
            else db.UserPreferences.Add(new UserPreference { UserId = id, Key = key, Value = text });
        }
        try { await db.SaveChangesAsync(); }
        catch (DbUpdateException) { return ApiErrors.Conflict("Preferences were changed at the same time; try again"); }
        return Results.Ok(SuccessBody.Instance);
    }
}
