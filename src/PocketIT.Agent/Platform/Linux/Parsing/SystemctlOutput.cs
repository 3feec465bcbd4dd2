namespace PocketIT.Agent.Platform.Linux.Parsing;

/// <summary>systemctl's plain listings (<c>--plain --no-legend</c>) and <c>show</c> blocks.</summary>
public static class SystemctlOutput
{
    public sealed record Unit(string Name, string Load, string Active, string Sub, string Description);

    /// <summary><c>list-units</c>: UNIT LOAD ACTIVE SUB DESCRIPTION (a failed unit may carry a leading bullet).</summary>
    public static List<Unit> ParseUnits(string text)
    {
        var units = new List<Unit>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimStart(' ', '●', '*', '○').TrimEnd();
            var fields = line.Split(' ', 5, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 4 || !fields[0].Contains('.')) continue;
            units.Add(new Unit(fields[0], fields[1], fields[2], fields[3], fields.Length > 4 ? fields[4].Trim() : ""));
        }
        return units;
    }

    /// <summary><c>list-unit-files</c>: UNIT-FILE STATE [PRESET] → state by unit.</summary>
    public static Dictionary<string, string> ParseUnitFiles(string text)
    {
        var states = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 2 && fields[0].Contains('.')) states[fields[0]] = fields[1];
        }
        return states;
    }

    /// <summary><c>show -p …</c> for several units: blocks of Key=Value separated by blank lines.</summary>
    public static List<Dictionary<string, string>> ParseShow(string text)
    {
        var blocks = new List<Dictionary<string, string>>();
        var current = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n').Append(""))
        {
            if (line.Trim().Length == 0)
            {
                if (current.Count > 0) blocks.Add(current);
                current = new Dictionary<string, string>(StringComparer.Ordinal);
                continue;
            }
            var eq = line.IndexOf('=');
            if (eq > 0) current[line[..eq]] = line[(eq + 1)..].Trim();
        }
        return blocks;
    }

    /// <summary>
    /// Enabled services that are not running: failed ones always; inactive ones unless they are one-shot jobs
    /// that finished successfully or were skipped by a start condition (those are meant to be inactive).
    /// Template units (<c>name@.service</c>) have no single instance to judge and are left out.
    /// </summary>
    public static List<string> StoppedCandidates(IEnumerable<Unit> units, IReadOnlyDictionary<string, string> unitFiles) =>
        units.Where(u => u.Name.EndsWith(".service", StringComparison.Ordinal) && !u.Name.Contains("@.")
                && unitFiles.TryGetValue(u.Name, out var state) && state == "enabled"
                && u.Active is "failed" or "inactive")
            .Select(u => u.Name).Distinct().ToList();

    public static bool MeantToBeStopped(IReadOnlyDictionary<string, string> show) =>
        show.GetValueOrDefault("ActiveState") != "failed"
        && (show.GetValueOrDefault("ConditionResult") == "no"
            || (show.GetValueOrDefault("Type") == "oneshot" && show.GetValueOrDefault("Result") == "success"));
}
