using System.Globalization;

namespace PocketIT.Agent.Platform.Linux.Parsing;

/// <summary>Hardware text: lspci's display controllers, power-supply attributes, TPM and EFI variables.</summary>
public static class Hardware
{
    /// <summary>GPU names from <c>lspci</c> ("00:02.0 VGA compatible controller: Intel Corporation UHD 620 (rev 07)").</summary>
    public static List<string> LspciGpus(string text)
    {
        var gpus = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            var marker = new[] { "VGA compatible controller: ", "3D controller: ", "Display controller: " }
                .FirstOrDefault(m => line.Contains(m, StringComparison.Ordinal));
            if (marker is null) continue;
            var name = line[(line.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..].Trim();
            var rev = name.LastIndexOf(" (rev ", StringComparison.Ordinal);
            if (rev > 0) name = name[..rev];
            if (name.Length > 0) gpus.Add(name);
        }
        return gpus;
    }

    public sealed record BatteryReading(double? ChargePercent, double? HealthPercent, string? Status);

    /// <summary>
    /// A battery from its power_supply attributes: charge from <c>capacity</c> (or now/full), health as full
    /// capacity over design capacity (energy_* in µWh, or charge_* in µAh on some firmware).
    /// </summary>
    public static BatteryReading Battery(IReadOnlyDictionary<string, string> attributes)
    {
        double? Number(string key) =>
            attributes.TryGetValue(key, out var raw) && double.TryParse(raw.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

        var full = Number("energy_full") ?? Number("charge_full");
        var design = Number("energy_full_design") ?? Number("charge_full_design");
        var now = Number("energy_now") ?? Number("charge_now");
        var charge = Number("capacity") ?? (now is not null && full is > 0 ? now / full * 100 : null);
        double? health = full is not null && design is > 0 ? Math.Min(100, full.Value / design.Value * 100) : null;
        return new BatteryReading(charge is null ? null : Units.Round(Math.Clamp(charge.Value, 0, 100)),
            health is null ? null : Units.Round(health.Value), attributes.GetValueOrDefault("status")?.Trim());
    }

    /// <summary>The SecureBoot EFI variable: 4 attribute bytes, then 1 when enforcing.</summary>
    public static string SecureBoot(byte[]? variable) =>
        variable is null || variable.Length < 5 ? "Unknown" : variable[4] == 1 ? "True" : "False";
}
