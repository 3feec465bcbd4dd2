using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PocketIT.Agent.Platform.Portable;

namespace PocketIT.Agent.Platform.MacOs;

/// <summary>
/// macOS, where it is cheap: the machine id from IOPlatformUUID and a richer profile from sysctl, sw_vers and
/// system_profiler. Checks, remediations and tools are the portable ones (flush_dns is added since it is one command).
/// Untested: written for macOS but only compiled on Linux.
/// </summary>
public sealed partial class MacPlatform : PortablePlatform
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [GeneratedRegex("\"IOPlatformUUID\" = \"([0-9A-Fa-f-]+)\"")] private static partial Regex PlatformUuid();

    protected override string OsName => "macOS";

    public override string? MachineId()
    {
        if (CommandRunner.Find("ioreg") is not { } ioreg) return null;
        var run = CommandRunner.RunAsync(ioreg, ["-rd1", "-c", "IOPlatformExpertDevice"], Timeout, CancellationToken.None).GetAwaiter().GetResult();
        return run.Succeeded && PlatformUuid().Match(run.StdOut) is { Success: true } m ? m.Groups[1].Value : null;
    }

    public override async Task<JsonObject> CollectProfileAsync(CancellationToken ct)
    {
        var profile = PortableProfile.Collect();
        Set(profile, "cpuModel", await Sysctl("machdep.cpu.brand_string", ct));
        if (double.TryParse(await Sysctl("hw.memsize", ct), NumberStyles.Float, CultureInfo.InvariantCulture, out var bytes))
            profile["totalRamGB"] = Units.Gb(bytes);
        var name = await Run("sw_vers", ["-productName"], ct);
        var version = await Run("sw_vers", ["-productVersion"], ct);
        Set(profile, "osName", name is null ? null : $"{name} {version}".Trim());
        Set(profile, "osEdition", name);
        Set(profile, "osDisplayVersion", version);
        Set(profile, "osBuild", await Run("sw_vers", ["-buildVersion"], ct));
        Set(profile, "deviceManufacturer", "Apple");
        Set(profile, "deviceModel", await Sysctl("hw.model", ct));
        Set(profile, "formFactor", (await Sysctl("hw.model", ct))?.Contains("Book", StringComparison.Ordinal) == true ? "Laptop" : "Desktop");
        if (await Run("system_profiler", ["SPHardwareDataType", "SPDisplaysDataType"], ct) is { } hardware)
        {
            Set(profile, "serialNumber", Field(hardware, "Serial Number (system)"));
            Set(profile, "biosVersion", Field(hardware, "System Firmware Version") ?? Field(hardware, "Boot ROM Version"));
            var gpus = hardware.Split('\n').Where(l => l.TrimStart().StartsWith("Chipset Model:", StringComparison.Ordinal))
                .Select(l => l.Split(':', 2)[1].Trim()).ToList();
            if (gpus.Count > 0) profile["gpuModel"] = string.Join(";", gpus);
        }
        profile["biosManufacturer"] = "Apple";
        return profile;
    }

    protected override Task<ActionOutcome> RemediateKnownAsync(string actionId, string? parameter, CancellationToken ct) => actionId switch
    {
        "flush_dns" => FlushDnsAsync(ct),
        _ => base.RemediateKnownAsync(actionId, parameter, ct),
    };

    private static async Task<ActionOutcome> FlushDnsAsync(CancellationToken ct)
    {
        if (CommandRunner.Find("dscacheutil") is not { } dscacheutil) return new ActionOutcome(false, "dscacheutil was not found");
        var run = await CommandRunner.RunAsync(dscacheutil, ["-flushcache"], Timeout, ct);
        if (!run.Succeeded) return new ActionOutcome(false, run.Failure("dscacheutil -flushcache"));
        // mDNSResponder holds the resolver cache; HUP makes it drop it (needs root).
        if (CommandRunner.Find("killall") is { } killall) await CommandRunner.RunAsync(killall, ["-HUP", "mDNSResponder"], Timeout, ct);
        return new ActionOutcome(true, "Flushed the DNS cache");
    }

    private static async Task<string?> Sysctl(string key, CancellationToken ct) => await Run("sysctl", ["-n", key], ct);

    private static async Task<string?> Run(string tool, string[] args, CancellationToken ct)
    {
        if (CommandRunner.Find(tool) is not { } path) return null;
        var run = await CommandRunner.RunAsync(path, args, Timeout, ct);
        return run.Succeeded && run.StdOut.Trim().Length > 0 ? run.StdOut.Trim() : null;
    }

    private static string? Field(string text, string label) =>
        text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(label + ":", StringComparison.Ordinal))?.Split(':', 2)[1].Trim();

    private static void Set(JsonObject profile, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) profile[key] = value;
    }
}
