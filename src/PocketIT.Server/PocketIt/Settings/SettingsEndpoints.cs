using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Core.Audit;
using PocketIT.Server.Core.Data;
using PocketIT.Server.Core.Http;
using PocketIT.Server.Core.Identity;
using PocketIT.Server.Core.Settings;
using PocketIT.Server.PocketIt.Llm;

namespace PocketIT.Server.PocketIt.Settings;

/// <summary>Server settings (notes §14): the assistant's provider, <c>ai.enabled</c> and the public URL. Admins only.</summary>
public static class SettingsEndpoints
{
    public static void MapServerSettings(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/settings").WithTags("Settings");
        group.MapGet("", Get).RequireAuthorization(Policies.Admin);
        // Read as raw JSON (absent and null mean different things); Accepts gives the API document the shape.
        group.MapPut("", Save).RequireAuthorization(Policies.Admin).Accepts<SettingsRequest>("application/json");
        group.MapPost("/llm/test", Test).RequireAuthorization(Policies.Admin).Accepts<LlmTestOverrides>(isOptional: true, "application/json");
    }

    private static IResult Get(LlmSettings llm, StoredSettings stored) => Results.Ok(View(llm, stored));

    private static async Task<IResult> Save(HttpRequest request, ClaimsPrincipal user, LlmSettings llm, StoredSettings stored,
        AppDbContext db, SecretProtector protector, AuditLog audit, TimeProvider time, SettingsBroadcast broadcast)
    {
        var (body, malformed) = await RawJsonBody.ReadAsync(request);
        if (malformed is not null) return ApiErrors.BadRequest(malformed);
        var (update, error) = SettingsUpdate.Parse(body ?? default, llm.Current);
        if (error is not null) return ApiErrors.BadRequest(error);

        var previousPublicUrl = stored.Get(SettingKeys.PublicUrl);
        var keys = update!.Rows.Keys.ToList();
        var existing = await db.ServerSettings.Where(s => keys.Contains(s.Key)).ToDictionaryAsync(s => s.Key);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var (key, value) in update.Rows)
        {
            var row = existing.GetValueOrDefault(key);
            if (value is null)
            {
                if (row is not null) db.ServerSettings.Remove(row);
                continue;
            }
            var stores = key == SettingKeys.LlmApiKey ? protector.Protect(value) : value;
            if (row is null) db.ServerSettings.Add(new ServerSetting { Key = key, Value = stores, UpdatedAt = now });
            else { row.Value = stores; row.UpdatedAt = now; }
        }
        // Field names only, so the audit log can never hold the key.
        audit.Record(user.Staff()!.Username, "settings_updated", "server_settings", new { fields = update.Changed });
        try { await db.SaveChangesAsync(); }
        catch (DbUpdateException) { return ApiErrors.Conflict("Settings were changed at the same time; try again"); }
        finally { stored.Invalidate(); }
        if (update.Rows.TryGetValue(SettingKeys.AiEnabled, out var enabled)) await broadcast.AnnounceAiAsync(enabled == "true");
        if (update.Rows.TryGetValue(SettingKeys.PublicUrl, out var publicUrl) && publicUrl is not null && publicUrl != previousPublicUrl)
            await broadcast.AnnounceServerUrlAsync(publicUrl);
        return Results.Ok(View(llm, stored));
    }

    private static async Task<IResult> Test(HttpRequest request, LlmSettings llm, LlmProbe probe, HttpContext context)
    {
        var (body, malformed) = await RawJsonBody.ReadAsync(request);
        if (malformed is not null) return ApiErrors.BadRequest(malformed);
        var (config, error) = LlmTestRequest.Resolve(body, llm.Current);
        if (error is not null) return ApiErrors.BadRequest(error);
        return Results.Ok(await probe.RunAsync(config!, context.RequestAborted));
    }

    private static SettingsView View(LlmSettings llm, StoredSettings stored)
    {
        var current = llm.Current;
        return new SettingsView(
            new LlmSettingsView(current.Provider, current.Model, current.Url, current.ApiKey is not null, SecretMask.Mask(current.ApiKey)),
            new AiSettingsView(stored.AiEnabled),
            new ServerSettingsView(stored.Get(SettingKeys.PublicUrl)));
    }
}
