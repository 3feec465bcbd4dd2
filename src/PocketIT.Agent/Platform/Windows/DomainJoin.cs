namespace PocketIT.Agent.Platform.Windows;

/// <summary>
/// The notes §10 domainJoinType from <c>dsregcmd /status</c> ("AzureAdJoined : YES", "DomainJoined : YES"),
/// falling back to WMI's PartOfDomain when dsregcmd is unavailable. Pure, so it is tested on any OS.
/// </summary>
public static class DomainJoin
{
    public static string FromDsregcmd(string? output, bool? partOfDomain)
    {
        if (output is not null)
        {
            var azure = Flag(output, "AzureAdJoined");
            var domain = Flag(output, "DomainJoined");
            if (azure is not null || domain is not null)
                return (azure, domain) switch
                {
                    (true, true) => "Hybrid",
                    (true, _) => "Azure AD",
                    (_, true) => "On-Premises AD",
                    _ => "Workgroup",
                };
        }
        return partOfDomain switch { true => "On-Premises AD", false => "Workgroup", null => "Unknown" };
    }

    private static bool? Flag(string output, string name)
    {
        foreach (var line in output.Split('\n'))
        {
            var parts = line.Split(':', 2);
            if (parts.Length == 2 && parts[0].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
                return parts[1].Trim().Equals("YES", StringComparison.OrdinalIgnoreCase);
        }
        return null;
    }
}
