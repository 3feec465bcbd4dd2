using System.Globalization;
using System.Runtime.Versioning;
using System.Text.Json.Nodes;
using Microsoft.Win32;
using PocketIT.Agent.Platform.Portable;

namespace PocketIT.Agent.Platform.Windows;

/// <summary>
/// The notes §10 profile from WMI (Win32_Processor, _ComputerSystem, _OperatingSystem, _BIOS, _VideoController,
/// _SystemEnclosure, Win32_Tpm) and the registry (build/UBR, display version, Secure Boot). Network adapters,
/// drives and uptime come from the portable profile, which already reads them correctly on Windows.
/// </summary>
[SupportedOSPlatform("windows")]
public static class WindowsProfile
{
    private const string CurrentVersionKey = @"SOFTWARE\Microsoft\Windows NT\CurrentVersion";

    public static async Task<JsonObject> CollectAsync(CancellationToken ct)
    {
        var profile = PortableProfile.Collect();
        var cpu = Wmi.First("SELECT Name FROM Win32_Processor");
        Set(profile, "cpuModel", cpu.Text("Name"));

        var system = Wmi.First("SELECT TotalPhysicalMemory, Manufacturer, Model, Domain, PartOfDomain, UserName FROM Win32_ComputerSystem");
        if (system.Number("TotalPhysicalMemory") is { } ram) profile["totalRamGB"] = Units.Gb(ram);
        Set(profile, "deviceManufacturer", system.Text("Manufacturer"));
        Set(profile, "deviceModel", system.Text("Model"));
        Set(profile, "domain", system.Text("Domain"));

        var os = Wmi.First("SELECT Caption, OSArchitecture, LastBootUpTime, InstallDate FROM Win32_OperatingSystem");
        Set(profile, "osName", os.Text("Caption"));
        Set(profile, "osArchitecture", os.Text("OSArchitecture"));
        if (os.Date("LastBootUpTime") is { } boot) PortableProfile.AddUptime(profile, boot, DateTimeOffset.UtcNow - boot);
        if (os.Date("InstallDate") is { } installed)
            profile["osInstallDate"] = installed.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        using (var version = Registry.LocalMachine.OpenSubKey(CurrentVersionKey))
        {
            var build = version?.GetValue("CurrentBuild")?.ToString();
            var ubr = version?.GetValue("UBR")?.ToString();
            Set(profile, "osBuild", build is null ? null : ubr is null ? build : $"{build}.{ubr}");
            Set(profile, "osEdition", version?.GetValue("EditionID")?.ToString());
            Set(profile, "osDisplayVersion", (version?.GetValue("DisplayVersion") ?? version?.GetValue("ReleaseId"))?.ToString());
        }

        var bios = Wmi.First("SELECT Manufacturer, SMBIOSBIOSVersion, SerialNumber FROM Win32_BIOS");
        Set(profile, "biosManufacturer", bios.Text("Manufacturer"));
        Set(profile, "biosVersion", bios.Text("SMBIOSBIOSVersion"));
        Set(profile, "serialNumber", bios.Text("SerialNumber"));

        var gpus = Wmi.Query("SELECT Name FROM Win32_VideoController").Select(g => g.Text("Name")).OfType<string>().Distinct().ToList();
        if (gpus.Count > 0) profile["gpuModel"] = string.Join(";", gpus);

        if (Wmi.First("SELECT ChassisTypes FROM Win32_SystemEnclosure") is { } enclosure
            && enclosure.GetValueOrDefault("ChassisTypes") is ushort[] { Length: > 0 } chassis)
            profile["formFactor"] = FormFactors.FromChassisType(chassis[0]);

        profile["loggedInUsers"] = new JsonArray(LoggedInUsers(system.Text("UserName")).Select(u => (JsonNode)u).ToArray());
        profile["tpmVersion"] = TpmVersion();
        profile["secureBoot"] = SecureBoot();
        profile["domainJoinType"] = await DomainJoinTypeAsync(system, ct);
        return profile;
    }

    /// <summary>Interactive users: the console user plus the owners of explorer.exe (one per desktop session).</summary>
    public static List<string> LoggedInUsers(string? consoleUser)
    {
        var users = new List<string>();
        if (consoleUser is not null) users.Add(consoleUser);
        try
        {
            using var searcher = new System.Management.ManagementObjectSearcher("SELECT Handle FROM Win32_Process WHERE Name = 'explorer.exe'");
            using var processes = searcher.Get();
            foreach (System.Management.ManagementObject process in processes)
            {
                using (process)
                {
                    var owner = new object[2];
                    if (Convert.ToInt32(process.InvokeMethod("GetOwner", owner), CultureInfo.InvariantCulture) == 0 && owner[0] is string user)
                        users.Add(owner[1] is string domain && domain.Length > 0 ? $@"{domain}\{user}" : user);
                }
            }
        }
        catch (Exception e) when (e is System.Management.ManagementException or UnauthorizedAccessException or System.Runtime.InteropServices.COMException) { }
        return users.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static string TpmVersion()
    {
        // Readable by administrators (the agent service runs as LocalSystem).
        var tpm = Wmi.First("SELECT SpecVersion FROM Win32_Tpm", @"root\CIMV2\Security\MicrosoftTpm");
        return tpm.Text("SpecVersion")?.Split(',')[0].Trim() is { Length: > 0 } version ? version : "Not Present";
    }

    private static string SecureBoot()
    {
        using var key = Registry.LocalMachine.OpenSubKey(@"SYSTEM\CurrentControlSet\Control\SecureBoot\State");
        return key?.GetValue("UEFISecureBootEnabled") switch
        {
            1 => "True",
            0 => "False",
            _ => "Unknown", // legacy BIOS or no access
        };
    }

    private static async Task<string> DomainJoinTypeAsync(Dictionary<string, object?>? system, CancellationToken ct)
    {
        bool? partOfDomain = system?.GetValueOrDefault("PartOfDomain") is bool b ? b : null;
        var dsregcmd = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.System), "dsregcmd.exe");
        string? output = null;
        if (File.Exists(dsregcmd))
        {
            var run = await CommandRunner.RunAsync(dsregcmd, ["/status"], TimeSpan.FromSeconds(20), ct);
            if (run.Succeeded) output = run.StdOut;
        }
        return DomainJoin.FromDsregcmd(output, partOfDomain);
    }

    private static void Set(JsonObject profile, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) profile[key] = value.Trim();
    }
}
