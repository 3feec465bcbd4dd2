using System.Text.Json.Nodes;
using PocketIT.Agent.Platform.Linux.Parsing;

namespace PocketIT.Agent.Platform.Linux.Checks;

/// <summary>
/// services: the Linux reading of "a stopped auto-start service" is an enabled systemd service that is failed or
/// inactive (one-shot jobs that completed and units skipped by their start conditions excepted).
/// </summary>
public static class LinuxServicesCheck
{
    private const int MaxListed = 50;

    public static async Task<DiagnosticOutcome> RunAsync(CancellationToken ct)
    {
        if (!Systemd.IsRunning || Systemd.Systemctl is null)
            return new DiagnosticOutcome(Thresholds.Ok,
                new JsonObject { ["stoppedAutoServices"] = new JsonArray(), ["note"] = "systemd is not managing this machine (e.g. a container); no services to check" },
                "Services", "n/a");

        var units = await Systemd.SystemctlAsync(["list-units", "--type=service", "--all", "--plain", "--no-legend", "--no-pager"], ct);
        var files = await Systemd.SystemctlAsync(["list-unit-files", "--type=service", "--plain", "--no-legend", "--no-pager"], ct);
        if (!units.Succeeded || !files.Succeeded)
            return new DiagnosticOutcome(Thresholds.Warning,
                new JsonObject { ["stoppedAutoServices"] = new JsonArray(), ["error"] = (units.Succeeded ? files : units).Failure("systemctl") }, "Services");

        var parsedUnits = SystemctlOutput.ParseUnits(units.StdOut);
        var candidates = SystemctlOutput.StoppedCandidates(parsedUnits, SystemctlOutput.ParseUnitFiles(files.StdOut));
        var stopped = new List<string>(candidates);
        if (candidates.Count > 0)
        {
            var show = await Systemd.SystemctlAsync(
                ["show", "--property=Id,Type,Result,ActiveState,ConditionResult", "--", .. candidates.Take(200)], ct);
            if (show.Succeeded)
            {
                var fine = SystemctlOutput.ParseShow(show.StdOut).Where(SystemctlOutput.MeantToBeStopped)
                    .Select(b => b.GetValueOrDefault("Id")).ToHashSet();
                stopped.RemoveAll(fine.Contains);
            }
        }
        var descriptions = parsedUnits.GroupBy(u => u.Name).ToDictionary(g => g.Key, g => g.First());
        var list = new JsonArray(stopped.Take(MaxListed).Select(name => (JsonNode)new JsonObject
        {
            ["name"] = name,
            ["displayName"] = descriptions.TryGetValue(name, out var u) ? u.Description : name,
            ["state"] = descriptions.TryGetValue(name, out var s) ? s.Active : "unknown",
        }).ToArray());
        var results = new JsonObject
        {
            ["stoppedAutoServices"] = list,
            ["stoppedCount"] = stopped.Count,
            ["totalServices"] = parsedUnits.Count,
        };
        return new DiagnosticOutcome(Thresholds.Services(stopped.Count), results, "Services", $"{stopped.Count} stopped");
    }
}
