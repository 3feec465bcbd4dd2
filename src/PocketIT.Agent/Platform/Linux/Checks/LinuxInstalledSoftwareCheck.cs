using System.Text.Json.Nodes;

namespace PocketIT.Agent.Platform.Linux.Checks;

/// <summary>installed_software: the package database (dpkg or rpm), capped; always ok (notes §7).</summary>
public static class LinuxInstalledSoftwareCheck
{
    public const int MaxListed = 500;

    public static async Task<DiagnosticOutcome> RunAsync(CancellationToken ct)
    {
        CommandResult? run = null;
        var manager = "none";
        if (CommandRunner.Find("dpkg-query") is { } dpkg)
        {
            manager = "dpkg";
            run = await CommandRunner.RunAsync(dpkg, ["-W", "-f", "${db:Status-Abbrev}\t${Package}\t${Version}\n"], TimeSpan.FromSeconds(30), ct);
        }
        else if (CommandRunner.Find("rpm") is { } rpm)
        {
            manager = "rpm";
            run = await CommandRunner.RunAsync(rpm, ["-qa", "--qf", "ii \t%{NAME}\t%{VERSION}-%{RELEASE}\n"], TimeSpan.FromSeconds(30), ct);
        }
        var packages = run is { Succeeded: true } ? Parse(run.StdOut) : [];
        var results = new JsonObject
        {
            ["packageManager"] = manager,
            ["count"] = packages.Count,
            ["truncated"] = packages.Count > MaxListed,
            ["software"] = new JsonArray(packages.Take(MaxListed)
                .Select(p => (JsonNode)new JsonObject { ["name"] = p.Name, ["version"] = p.Version }).ToArray()),
        };
        if (run is { Succeeded: false }) results["error"] = run.Failure(manager);
        return new DiagnosticOutcome(Thresholds.Ok, results, "Installed Software", $"{packages.Count} packages");
    }

    /// <summary>Lines of "status\tname\tversion"; only installed packages ("ii") count.</summary>
    public static List<(string Name, string Version)> Parse(string text) =>
        text.Split('\n').Select(l => l.Split('\t')).Where(f => f.Length >= 3 && f[0].StartsWith("ii", StringComparison.Ordinal))
            .Select(f => (f[1], f[2].Trim())).OrderBy(p => p.Item1, StringComparer.Ordinal).ToList();
}
