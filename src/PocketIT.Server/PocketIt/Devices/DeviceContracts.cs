using System.Text.Json.Serialization;
using PocketIT.Server.Core.Devices;

namespace PocketIT.Server.PocketIt.Devices;

/// <summary>A row of <c>GET /api/devices</c>; never carries the secret hash. <c>client_id</c> (beyond the document) lets the dashboard show and filter by client.</summary>
public sealed record DeviceRow(string DeviceId, string? Hostname, string? OsVersion, string Status,
    string? CertificateFingerprint, DateTime EnrolledAt, DateTime? LastSeen, int ClientId);

/// <summary><c>GET /api/devices/:id</c>: the row plus hardware and health score.</summary>
public sealed record DeviceDetail(string DeviceId, string? Hostname, string? OsVersion, string Status,
    string? CpuModel, double? TotalRamGb, double? TotalDiskGb, int? ProcessorCount, int? HealthScore,
    string? CertificateFingerprint, DateTime EnrolledAt, DateTime? LastSeen, int ClientId)
{
    public static DeviceDetail From(Device d) => new(d.DeviceId, d.Hostname, d.OsVersion, d.Status,
        d.CpuModel, d.TotalRamGb, d.TotalDiskGb, d.ProcessorCount, d.HealthScore,
        d.CertificateFingerprint, d.EnrolledAt, d.LastSeen, d.ClientId);
}

public sealed record DiagnosticRow(int Id, string DeviceId, string CheckType, string Status, string? Data, DateTime CreatedAt);

public sealed record HealthBreakdown(int Healthy, int Warning, int Critical, int Unscanned);

public sealed record HealthDeviceRow(string DeviceId, string? Hostname, int? HealthScore, string? CpuModel,
    double? TotalRamGb, double? TotalDiskGb, int? ProcessorCount, DateTime? LastSeen);

/// <summary><c>avgScore</c> is null when no device in scope has been scanned.</summary>
public sealed record HealthSummary(
    [property: JsonPropertyName("avgScore")] double? AvgScore,
    HealthBreakdown Breakdown,
    IReadOnlyList<HealthDeviceRow> Devices);
