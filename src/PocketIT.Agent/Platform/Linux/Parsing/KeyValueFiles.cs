namespace PocketIT.Agent.Platform.Linux.Parsing;

/// <summary>Small text formats: <c>/etc/os-release</c>, <c>/proc/cpuinfo</c>, <c>/proc/uptime</c>, <c>/etc/passwd</c>.</summary>
public static class KeyValueFiles
{
    /// <summary>os-release: KEY=value lines, values optionally quoted with simple backslash escapes.</summary>
    public static Dictionary<string, string> OsRelease(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            var eq = line.IndexOf('=');
            if (eq <= 0) continue;
            var value = line[(eq + 1)..].Trim();
            if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0])
                value = value[1..^1].Replace("\\\"", "\"").Replace("\\$", "$").Replace("\\`", "`").Replace("\\\\", "\\");
            values[line[..eq].Trim()] = value;
        }
        return values;
    }

    /// <summary>The CPU's marketing name from /proc/cpuinfo (x86 "model name"; ARM and others use other keys).</summary>
    public static string? CpuModel(string text)
    {
        var fields = text.Split('\n').Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
            .Select(p => (Key: p[0].Trim(), Value: p[1].Trim())).Where(p => p.Value.Length > 0).ToList();
        foreach (var key in new[] { "model name", "Model", "Hardware", "cpu model", "cpu", "Processor", "uarch" })
        {
            var hit = fields.FirstOrDefault(f => f.Key.Equals(key, StringComparison.Ordinal));
            if (hit.Value is not null) return hit.Value;
        }
        return null;
    }

    /// <summary>/proc/uptime's first number (seconds since boot).</summary>
    public static TimeSpan? Uptime(string text)
    {
        var first = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return double.TryParse(first, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var s)
            ? TimeSpan.FromSeconds(s) : null;
    }

    /// <summary>The home directory of a user in /etc/passwd.</summary>
    public static string? HomeOf(string passwd, string user) =>
        passwd.Split('\n').Select(l => l.Split(':')).FirstOrDefault(f => f.Length >= 7 && f[0] == user) is { } fields
            && fields[5].Length > 0 ? fields[5] : null;

    /// <summary>Distinct user names from <c>who</c> output (first column).</summary>
    public static List<string> WhoUsers(string text) =>
        text.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault())
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
}
