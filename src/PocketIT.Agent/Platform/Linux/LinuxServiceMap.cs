namespace PocketIT.Agent.Platform.Linux;

/// <summary>
/// restart_service names come from the Windows list (DeviceActions.RestartableServices). Where Linux has a
/// service doing the same job, these are its usual unit names, in order of preference; the rest have no
/// counterpart and are refused honestly.
/// </summary>
public static class LinuxServiceMap
{
    private static readonly Dictionary<string, string[]> Units = new(StringComparer.Ordinal)
    {
        ["spooler"] = ["cups", "cups-browsed"],
        ["dnscache"] = ["systemd-resolved", "nscd", "dnsmasq"],
        ["w32time"] = ["systemd-timesyncd", "chronyd", "chrony", "ntpsec", "ntp", "ntpd"],
        ["wuauserv"] = ["packagekit", "unattended-upgrades"],
        ["bits"] = [],
        ["winmgmt"] = [],
        ["themes"] = [],
        ["audiosrv"] = [], // PipeWire/PulseAudio run per user session, not as system services
        ["wsearch"] = [],
        ["tabletinputservice"] = [],
        ["sysmain"] = [],
        ["diagtrack"] = [],
    };

    /// <summary>Candidate units for a Windows service name; empty when Linux has no counterpart, null when the name is not whitelisted.</summary>
    public static IReadOnlyList<string>? Candidates(string windowsName) =>
        Protocol.DeviceActions.RestartableServices.Contains(windowsName) ? Units.GetValueOrDefault(windowsName, []) : null;

    /// <summary>Linux services guarding the machine, refused for stop/restart alongside the shared protected list.</summary>
    public static readonly string[] ProtectedUnits = ["auditd", "apparmor", "firewalld", "ufw", "nftables", "systemd-journald", "dbus", "sshd", "ssh"];
}
