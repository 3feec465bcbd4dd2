using System.Globalization;
using System.Text.Json;
using PocketIT.Server.Core.Devices;

namespace PocketIT.Server.PocketIt.Devices;

/// <summary>
/// Notes §10: copies a <c>system_profile</c> payload onto the device's columns. Only keys present with the right
/// type are applied, 0 stays 0, the payload's hostname is ignored (the handshake names the device), and a
/// changed user list moves the old one to <c>previous_logged_in_users</c>.
/// </summary>
public static class SystemProfileMapper
{
    private const int MaxText = 512;
    private const int MaxJson = 16 * 1024;

    public static void Apply(Device device, JsonElement profile)
    {
        if (profile.ValueKind != JsonValueKind.Object) return;

        Text(profile, "cpuModel", v => device.CpuModel = v);
        Number(profile, "totalRamGB", v => device.TotalRamGb = v);
        Number(profile, "totalDiskGB", v => device.TotalDiskGb = v);
        Number(profile, "processorCount", v => device.ProcessorCount = v is >= 0 and <= 100_000 ? (int)v : device.ProcessorCount);

        Text(profile, "osEdition", v => device.OsEdition = v);
        Text(profile, "osBuild", v => device.OsBuild = v, allowNumber: true);
        Text(profile, "osArchitecture", v => device.OsArchitecture = v);
        Text(profile, "biosManufacturer", v => device.BiosManufacturer = v);
        Text(profile, "biosVersion", v => device.BiosVersion = v);
        if (profile.TryGetProperty("gpuModel", out var gpu))
        {
            if (gpu.ValueKind == JsonValueKind.String) device.GpuModel = Cap(gpu.GetString()!);
            else if (gpu.ValueKind == JsonValueKind.Array)
                device.GpuModel = Cap(string.Join(";", gpu.EnumerateArray().Where(g => g.ValueKind == JsonValueKind.String).Select(g => g.GetString())));
        }
        Text(profile, "serialNumber", v => device.SerialNumber = v);
        Text(profile, "domain", v => device.Domain = v);
        Text(profile, "lastBootTime", v => device.LastBootTime = v);
        Number(profile, "uptimeHours", v => device.UptimeHours = Math.Round(v, 1, MidpointRounding.AwayFromZero));
        if (profile.TryGetProperty("loggedInUsers", out var users) && users.ValueKind == JsonValueKind.Array && users.GetRawText().Length <= MaxJson)
        {
            var list = JsonSerializer.Serialize(users.EnumerateArray().Where(u => u.ValueKind == JsonValueKind.String).Select(u => u.GetString()).ToArray());
            if (device.LoggedInUsers is not null && device.LoggedInUsers != list) device.PreviousLoggedInUsers = device.LoggedInUsers;
            device.LoggedInUsers = list;
        }
        if (profile.TryGetProperty("networkAdapters", out var adapters))
        {
            // One adapter arrives as a bare object; the column always holds an array.
            var json = adapters.ValueKind switch
            {
                JsonValueKind.Array => adapters.GetRawText(),
                JsonValueKind.Object => "[" + adapters.GetRawText() + "]",
                _ => null,
            };
            if (json is not null && json.Length <= MaxJson) device.NetworkAdapters = json;
        }

        Text(profile, "osDisplayVersion", v => device.OsDisplayVersion = v);
        Text(profile, "osInstallDate", v => device.OsInstallDate = v);
        Text(profile, "osName", v => device.OsName = v);
        Text(profile, "deviceManufacturer", v => device.DeviceManufacturer = v);
        Text(profile, "deviceModel", v => device.DeviceModel = v);
        Text(profile, "formFactor", v => device.FormFactor = v);
        Text(profile, "tpmVersion", v => device.TpmVersion = v);
        Text(profile, "secureBoot", v => device.SecureBoot = v, allowBool: true);
        Text(profile, "domainJoinType", v => device.DomainJoinType = v);
        if (device.TpmVersion is null) device.TpmVersion = "Not Present";
    }

    private static void Text(JsonElement profile, string name, Action<string> set, bool allowNumber = false, bool allowBool = false)
    {
        if (!profile.TryGetProperty(name, out var value)) return;
        switch (value.ValueKind)
        {
            case JsonValueKind.String: set(Cap(value.GetString()!)); break;
            case JsonValueKind.Number when allowNumber: set(value.GetRawText()); break;
            case JsonValueKind.True when allowBool: set("True"); break;
            case JsonValueKind.False when allowBool: set("False"); break;
        }
    }

    private static void Number(JsonElement profile, string name, Action<double> set)
    {
        if (!profile.TryGetProperty(name, out var value)) return;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var d) && double.IsFinite(d) && d >= 0) set(d);
        else if (value.ValueKind == JsonValueKind.String
                 && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
                 && double.IsFinite(parsed) && parsed >= 0) set(parsed);
    }

    private static string Cap(string value)
    {
        value = value.Replace("\0", "");
        return value.Length <= MaxText ? value : value[..MaxText];
    }
}
