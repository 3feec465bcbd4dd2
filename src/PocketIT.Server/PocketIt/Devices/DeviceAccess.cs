using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Core.Data;
using PocketIT.Server.Core.Devices;
using PocketIT.Server.Core.Http;
using PocketIT.Server.Core.Identity;

namespace PocketIT.Server.PocketIt.Devices;

/// <summary>
/// Finds a device a staff caller may touch. Scoped callers get 403 before 404 (notes §2), so a
/// technician cannot probe which device ids exist at other clients; admins get a plain 404.
/// </summary>
public sealed class DeviceAccess(AppDbContext db, ScopeService scopes)
{
    /// <summary>Enrollment refuses longer ids, so a longer one cannot name a device.</summary>
    public const int MaxDeviceIdLength = 128;

    public async Task<(Device? Device, IResult? Error)> FindAsync(Caller caller, string? deviceId)
    {
        var scope = await scopes.ForAsync(caller);
        var device = string.IsNullOrEmpty(deviceId) || deviceId.Length > MaxDeviceIdLength
            ? null
            : await db.Devices.AsNoTracking().FirstOrDefaultAsync(d => d.DeviceId == deviceId);
        if (device is not null && scope.Includes(device.ClientId)) return (device, null);
        return (null, scope.All ? ApiErrors.NotFound("Device not found") : ApiErrors.NotInScope());
    }
}
