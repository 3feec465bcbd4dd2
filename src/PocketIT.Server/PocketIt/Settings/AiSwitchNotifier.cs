using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Core.Data;
using PocketIT.Server.PocketIt.Chat;
using PocketIT.Server.PocketIt.Realtime;

namespace PocketIT.Server.PocketIt.Settings;

/// <summary>
/// Tells connected devices at once when <c>ai.enabled</c> flips, so the agent's window shows the right state
/// without waiting for a reconnect. Devices switched off one by one keep their own <c>per_device</c> status.
/// </summary>
public sealed class AiSwitchNotifier(AppDbContext db, RealtimeHub hub)
{
    public async Task AnnounceAsync(bool enabled)
    {
        if (!enabled)
        {
            await hub.ToAllDevicesAsync("ai_status", new { enabled = false, reason = AssistantAvailability.Global });
            return;
        }
        var stillOff = await db.Devices.AsNoTracking().Where(d => d.AiDisabled != null).Select(d => d.DeviceId).ToListAsync();
        await hub.ToAllDevicesAsync("ai_status", new { enabled = true, reason = (string?)null }, stillOff);
    }
}
