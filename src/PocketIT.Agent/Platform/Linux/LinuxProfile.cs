using System.Globalization;
using System.Text.Json.Nodes;
using PocketIT.Agent.Platform.Linux.Parsing;
using PocketIT.Agent.Platform.Portable;

namespace PocketIT.Agent.Platform.Linux;

/// <summary>
/// The notes §10 profile read from a Linux machine. Every source is optional: a key whose source is missing or
/// unreadable (DMI in containers, product_serial without root) is left out rather than guessed, and zero stays zero.
/// totalDiskGB is the sum of the local data filesystems, each device counted once (see <see cref="LinuxDisks"/>).
/// </summary>
public static class LinuxProfile
{
    private const string Dmi = "/sys/class/dmi/id";

    public static async Task<JsonObject> CollectAsync(CancellationToken ct)
    {
        var profile = PortableProfile.Collect();
        Set(profile, "cpuModel", KeyValueFiles.CpuModel(LinuxFiles.Read("/proc/cpuinfo") ?? ""));
        if (ProcMeminfo.Parse(LinuxFiles.Read("/proc/meminfo") ?? "") is { } memory) profile["totalRamGB"] = Units.Gb(memory.TotalBytes);
        var drives = LinuxDisks.Drives();
        if (drives.Count > 0) profile["totalDiskGB"] = Units.Gb(drives.Sum(d => d.TotalBytes));

        AddOs(profile);
        AddDmi(profile);
        AddUptime(profile);
        Set(profile, "gpuModel", await GpuModelAsync(ct));
        profile["loggedInUsers"] = new JsonArray((await LoggedInUsersAsync(ct)).Select(u => (JsonNode)u).ToArray());
        profile["tpmVersion"] = TpmVersion();
        profile["secureBoot"] = SecureBoot();
        var (joinType, realm) = await DomainJoinAsync(ct);
        profile["domainJoinType"] = joinType;
        if (realm is not null) profile["domain"] = realm;
        return profile;
    }

    private static void AddOs(JsonObject profile)
    {
        var release = KeyValueFiles.OsRelease(LinuxFiles.Read("/etc/os-release") ?? LinuxFiles.Read("/usr/lib/os-release") ?? "");
        Set(profile, "osName", release.GetValueOrDefault("PRETTY_NAME") ?? release.GetValueOrDefault("NAME"));
        Set(profile, "osEdition", release.GetValueOrDefault("VARIANT") is { } variant
            ? $"{release.GetValueOrDefault("NAME")} {variant}".Trim() : release.GetValueOrDefault("NAME"));
        Set(profile, "osDisplayVersion", release.GetValueOrDefault("VERSION_ID") ?? release.GetValueOrDefault("BUILD_ID"));
        // The kernel release is what changes with each update, as Build.UBR does on Windows.
        Set(profile, "osBuild", LinuxFiles.Value("/proc/sys/kernel/osrelease"));
        // Debian/Ubuntu's installer leaves its logs behind; elsewhere the install date is not knowable cheaply.
        if (Directory.Exists("/var/log/installer"))
            profile["osInstallDate"] = Directory.GetCreationTimeUtc("/var/log/installer").ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }

    private static void AddDmi(JsonObject profile)
    {
        Set(profile, "biosManufacturer", LinuxFiles.Value($"{Dmi}/bios_vendor"));
        Set(profile, "biosVersion", LinuxFiles.Value($"{Dmi}/bios_version"));
        Set(profile, "deviceManufacturer", LinuxFiles.Value($"{Dmi}/sys_vendor"));
        Set(profile, "deviceModel", LinuxFiles.Value($"{Dmi}/product_name"));
        Set(profile, "serialNumber", LinuxFiles.Value($"{Dmi}/product_serial") ?? LinuxFiles.Value($"{Dmi}/board_serial"));
        if (int.TryParse(LinuxFiles.Value($"{Dmi}/chassis_type"), out var chassis)) profile["formFactor"] = FormFactors.FromChassisType(chassis);
    }

    private static void AddUptime(JsonObject profile)
    {
        if (KeyValueFiles.Uptime(LinuxFiles.Read("/proc/uptime") ?? "") is not { } uptime) return;
        var boot = ProcStat.BootTime(LinuxFiles.Read("/proc/stat") ?? "") ?? DateTimeOffset.UtcNow - uptime;
        PortableProfile.AddUptime(profile, boot, uptime);
    }

    private static async Task<string?> GpuModelAsync(CancellationToken ct)
    {
        if (CommandRunner.Find("lspci") is { } lspci)
        {
            var run = await CommandRunner.RunAsync(lspci, [], TimeSpan.FromSeconds(10), ct);
            if (run.Succeeded && Hardware.LspciGpus(run.StdOut) is { Count: > 0 } gpus) return string.Join(";", gpus);
        }
        return DrmGpus();
    }

    /// <summary>Without lspci, name the display devices by PCI vendor and kernel driver (e.g. "Intel (i915)").</summary>
    private static string? DrmGpus()
    {
        const string drm = "/sys/class/drm";
        try
        {
            if (!Directory.Exists(drm)) return null;
            var names = Directory.GetDirectories(drm, "card*").Where(d => !Path.GetFileName(d).Contains('-')).Order()
                .Select(card =>
                {
                    var vendor = LinuxFiles.Value(Path.Combine(card, "device", "vendor"));
                    var driver = new DirectoryInfo(Path.Combine(card, "device", "driver")).LinkTarget is { } target ? Path.GetFileName(target) : null;
                    var label = PciVendor(vendor) ?? vendor;
                    return label is null && driver is null ? null : driver is null ? label : $"{label ?? "GPU"} ({driver})";
                })
                .OfType<string>().Distinct().ToList();
            return names.Count > 0 ? string.Join(";", names) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    private static string? PciVendor(string? id) => id?.ToLowerInvariant() switch
    {
        "0x8086" => "Intel",
        "0x10de" => "NVIDIA",
        "0x1002" => "AMD",
        "0x1af4" => "Virtio",
        "0x1234" => "QEMU",
        "0x15ad" => "VMware",
        "0x1414" => "Microsoft Hyper-V",
        "0x80ee" => "VirtualBox",
        _ => null,
    };

    private static async Task<List<string>> LoggedInUsersAsync(CancellationToken ct)
    {
        if (CommandRunner.Find("who") is not { } who) return [];
        var run = await CommandRunner.RunAsync(who, [], TimeSpan.FromSeconds(5), ct);
        return run.Succeeded ? KeyValueFiles.WhoUsers(run.StdOut) : [];
    }

    public static async Task<List<string>> LoggedInUserNamesAsync(CancellationToken ct) => await LoggedInUsersAsync(ct);

    private static string TpmVersion()
    {
        var major = LinuxFiles.Value("/sys/class/tpm/tpm0/tpm_version_major");
        if (major == "2") return "2.0";
        if (major == "1") return "1.2";
        return Directory.Exists("/sys/class/tpm/tpm0") ? "Present (version unknown)" : "Not Present";
    }

    private static string SecureBoot()
    {
        if (!Directory.Exists("/sys/firmware/efi")) return "Unknown"; // legacy BIOS boot, or firmware hidden from a container
        var variable = LinuxFiles.Bytes("/sys/firmware/efi/efivars/SecureBoot-8be4df61-93ca-11d2-aa0d-00e098032b8c");
        if (variable is null && Directory.Exists("/sys/firmware/efi/efivars")) return "False"; // UEFI without the variable: no Secure Boot support
        return Hardware.SecureBoot(variable);
    }

    /// <summary>
    /// On-Premises AD when realmd or SSSD/Samba show an Active Directory membership; Workgroup when no join
    /// tooling or configuration exists at all; Unknown when configuration exists but cannot be read.
    /// </summary>
    private static async Task<(string JoinType, string? Realm)> DomainJoinAsync(CancellationToken ct)
    {
        if (CommandRunner.Find("realm") is { } realm)
        {
            var run = await CommandRunner.RunAsync(realm, ["list", "--name-only"], TimeSpan.FromSeconds(10), ct);
            if (run.Succeeded)
            {
                var name = run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
                return name is null ? ("Workgroup", null) : ("On-Premises AD", name);
            }
        }
        var sssd = LinuxFiles.Read("/etc/sssd/sssd.conf");
        if (sssd is not null && sssd.Replace(" ", "").Contains("id_provider=ad", StringComparison.OrdinalIgnoreCase)) return ("On-Premises AD", null);
        var samba = LinuxFiles.Read("/etc/samba/smb.conf");
        if (samba is not null && samba.Split('\n').Any(l => l.Replace(" ", "").Equals("security=ads", StringComparison.OrdinalIgnoreCase)))
            return ("On-Premises AD", null);
        var unreadable = (File.Exists("/etc/sssd/sssd.conf") && sssd is null) || File.Exists("/etc/krb5.keytab");
        return unreadable ? ("Unknown", null) : ("Workgroup", null);
    }

    private static void Set(JsonObject profile, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) profile[key] = value.Trim();
    }
}
