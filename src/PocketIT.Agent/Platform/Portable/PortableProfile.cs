using System.Globalization;
using System.Net.NetworkInformation;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace PocketIT.Agent.Platform.Portable;

/// <summary>The profile keys .NET can answer on any OS; OS-specific profiles start from this and add the rest.</summary>
public static class PortableProfile
{
    public static JsonObject Collect()
    {
        var profile = new JsonObject
        {
            ["processorCount"] = Environment.ProcessorCount,
            ["osName"] = RuntimeInformation.OSDescription,
            ["osArchitecture"] = Architecture(RuntimeInformation.OSArchitecture),
            ["networkAdapters"] = NetworkAdapters.Describe(),
            ["tpmVersion"] = "Not Present",
        };
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (memory > 0) profile["totalRamGB"] = Units.Gb(memory);
        var disk = FixedDrives().Sum(d => (double)d.TotalSize);
        if (disk > 0) profile["totalDiskGB"] = Units.Gb(disk);
        var uptime = TimeSpan.FromMilliseconds(Environment.TickCount64);
        AddUptime(profile, DateTimeOffset.UtcNow - uptime, uptime);
        var domain = DnsDomain();
        if (domain is not null) profile["domain"] = domain;
        return profile;
    }

    public static void AddUptime(JsonObject profile, DateTimeOffset bootTimeUtc, TimeSpan uptime)
    {
        profile["lastBootTime"] = bootTimeUtc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        profile["uptimeHours"] = Units.Round(uptime.TotalHours);
    }

    public static string Architecture(Architecture architecture) => architecture switch
    {
        System.Runtime.InteropServices.Architecture.X64 => "x86_64",
        System.Runtime.InteropServices.Architecture.X86 => "i686",
        System.Runtime.InteropServices.Architecture.Arm64 => "aarch64",
        System.Runtime.InteropServices.Architecture.Arm => "armv7l",
        _ => architecture.ToString().ToLowerInvariant(),
    };

    /// <summary>The DNS domain the machine belongs to, or null when it has none.</summary>
    public static string? DnsDomain()
    {
        try
        {
            var name = IPGlobalProperties.GetIPGlobalProperties().DomainName;
            return string.IsNullOrWhiteSpace(name) || name == "(none)" ? null : name.Trim();
        }
        catch (NetworkInformationException) { return null; }
    }

    /// <summary>Ready fixed drives, as .NET sees them (used where the OS offers nothing better).</summary>
    public static IEnumerable<DriveInfo> FixedDrives()
    {
        foreach (var drive in DriveInfo.GetDrives())
        {
            bool usable;
            try { usable = drive.DriveType == DriveType.Fixed && drive.IsReady && drive.TotalSize > 0; }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { usable = false; }
            if (usable) yield return drive;
        }
    }
}
