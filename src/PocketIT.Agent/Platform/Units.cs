namespace PocketIT.Agent.Platform;

/// <summary>Byte counts as the rounded numbers the server and dashboard show.</summary>
public static class Units
{
    public const double Gibibyte = 1024d * 1024 * 1024;
    public const double Mebibyte = 1024d * 1024;

    public static double Gb(double bytes, int decimals = 2) => Math.Round(bytes / Gibibyte, decimals, MidpointRounding.AwayFromZero);

    public static double Mb(double bytes, int decimals = 1) => Math.Round(bytes / Mebibyte, decimals, MidpointRounding.AwayFromZero);

    public static double Percent(double part, double whole, int decimals = 1) =>
        whole <= 0 ? 0 : Math.Round(part / whole * 100, decimals, MidpointRounding.AwayFromZero);

    public static double Round(double value, int decimals = 1) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);
}
