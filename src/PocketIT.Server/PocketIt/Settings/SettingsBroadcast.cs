using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Core.Data;
using PocketIT.Server.PocketIt.Chat;
using PocketIT.Server.PocketIt.Realtime;

namespace PocketIT.Server.PocketIt.Settings;

/// <summary>Tells connected devices at once about saved settings that concern them, so nobody waits for a reconnect.</summary>
public sealed class SettingsBroadcast(AppDbContext db, RealtimeHub hub)
{
    /// <summary><c>ai_status</c> when <c>ai.enabled</c> flips; devices switched off one by one keep their <c>per_device</c> status.</summary>
    public async Task AnnounceAiAsync(bool enabled)
    {
        if (!enabled)
        {
            await hub.ToAllDevicesAsync("ai_status", new { enabled = false, reason = AssistantAvailability.Global });
            return;
        }
        var stillOff = await db.Devices.AsNoTracking().Where(d => d.AiDisabled != null).Select(d => d.DeviceId).ToListAsync();
        await hub.ToAllDevicesAsync("ai_status", new { enabled = true, reason = (string?)null }, stillOff);
    }

    /// <summary>Notes §14: a new public URL is pushed as <c>server_url_changed {url}</c>.</summary>
    public Task AnnounceServerUrlAsync(string url) => hub.ToAllDevicesAsync("server_url_changed", new { url });
}
