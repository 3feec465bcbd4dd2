using System.Text.Json;
using PocketIT.Server.Core.Data;

namespace PocketIT.Server.Core.Audit;

/// <summary>Adds audit rows to the current unit of work, so an action and its record commit together.</summary>
public sealed class AuditLog(AppDbContext db, TimeProvider time, IHttpContextAccessor http)
{
    public void Record(string actor, string action, string? target = null, object? details = null)
    {
        db.AuditLog.Add(new AuditEntry
        {
            Actor = actor,
            Action = action,
            Target = target,
            Details = details is null ? null : JsonSerializer.Serialize(details),
            IpAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        });
    }

    /// <summary>Records and saves at once, for events with no other change (failed logins).</summary>
    public async Task RecordNowAsync(string actor, string action, string? target = null, object? details = null)
    {
        Record(actor, action, target, details);
        await db.SaveChangesAsync();
    }
}
