using System.Management;
using System.Runtime.Versioning;

namespace PocketIT.Agent.Platform.Windows;

/// <summary>WMI queries as plain property bags; a failing class (access denied, missing provider) yields nothing instead of an exception.</summary>
[SupportedOSPlatform("windows")]
public static class Wmi
{
    public static List<Dictionary<string, object?>> Query(string wql, string scope = @"root\cimv2")
    {
        var rows = new List<Dictionary<string, object?>>();
        try
        {
            using var searcher = new ManagementObjectSearcher(new ManagementScope(scope), new ObjectQuery(wql));
            using var results = searcher.Get();
            foreach (var item in results)
            {
                using (item)
                {
                    var row = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                    foreach (var property in item.Properties) row[property.Name] = property.Value;
                    rows.Add(row);
                }
            }
        }
        catch (Exception e) when (e is ManagementException or UnauthorizedAccessException or System.Runtime.InteropServices.COMException) { }
        return rows;
    }

    public static Dictionary<string, object?>? First(string wql, string scope = @"root\cimv2") => Query(wql, scope).FirstOrDefault();

    public static string? Text(this Dictionary<string, object?>? row, string name) =>
        row is not null && row.TryGetValue(name, out var v) && v is not null && v.ToString()!.Trim() is { Length: > 0 } s ? s : null;

    public static double? Number(this Dictionary<string, object?>? row, string name) =>
        row is not null && row.TryGetValue(name, out var v) && v is not null && double.TryParse(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture),
            System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : null;

    /// <summary>A CIM datetime ("20240501103000.000000+120") as UTC.</summary>
    public static DateTimeOffset? Date(this Dictionary<string, object?>? row, string name)
    {
        if (row.Text(name) is not { } text) return null;
        try { return new DateTimeOffset(ManagementDateTimeConverter.ToDateTime(text)).ToUniversalTime(); }
        catch (ArgumentOutOfRangeException) { return null; }
    }
}
