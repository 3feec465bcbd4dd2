using System.Text.Json.Nodes;
using PocketIT.Agent.Platform.Linux.Parsing;

namespace PocketIT.Agent.Platform.Linux.Checks;

/// <summary>battery: /sys/class/power_supply/BAT*; offered only on machines that have one.</summary>
public static class LinuxBatteryCheck
{
    private const string PowerSupplies = "/sys/class/power_supply";

    public static IReadOnlyList<string> Batteries()
    {
        try
        {
            return Directory.Exists(PowerSupplies)
                ? Directory.GetDirectories(PowerSupplies).Where(d => LinuxFiles.Value(Path.Combine(d, "type")) == "Battery"
                    && LinuxFiles.Value(Path.Combine(d, "scope")) != "Device").Order().ToList() // "Device" scope = a mouse or headset
                : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return []; }
    }

    public static Task<DiagnosticOutcome> RunAsync(CancellationToken ct)
    {
        var statuses = new List<string>();
        var rows = new JsonArray();
        foreach (var dir in Batteries())
        {
            var attributes = new[] { "capacity", "energy_full", "energy_full_design", "energy_now", "charge_full", "charge_full_design", "charge_now", "status" }
                .Select(a => (a, LinuxFiles.Value(Path.Combine(dir, a)))).Where(p => p.Item2 is not null)
                .ToDictionary(p => p.a, p => p.Item2!);
            var reading = Hardware.Battery(attributes);
            var status = Thresholds.Battery(reading.HealthPercent, reading.ChargePercent);
            statuses.Add(status);
            rows.Add(new JsonObject
            {
                ["name"] = Path.GetFileName(dir),
                ["chargePercent"] = reading.ChargePercent,
                ["healthPercent"] = reading.HealthPercent,
                ["status"] = reading.Status,
            });
        }
        var first = rows.FirstOrDefault() as JsonObject;
        var results = new JsonObject
        {
            ["hasBattery"] = rows.Count > 0,
            ["chargePercent"] = first?["chargePercent"]?.DeepClone(),
            ["healthPercent"] = first?["healthPercent"]?.DeepClone(),
            ["charging"] = first?["status"]?.GetValue<string>() is "Charging" or "Full",
            ["batteries"] = rows,
        };
        return Task.FromResult(new DiagnosticOutcome(Thresholds.Worst(statuses), results, "Battery",
            first?["chargePercent"] is { } charge ? $"{charge}%" : null));
    }
}
