using System.Text.Json.Serialization;
using PocketIT.Server.Core.Devices;

namespace PocketIT.Server.PocketIt.Devices;

/// <summary>A row of <c>GET /api/devices</c>; never carries the secret hash. <c>client_id</c> (beyond the document) lets the dashboard show and filter by client.</summary>
public sealed record DeviceRow(string DeviceId, string? Hostname, string? OsVersion, string Status,
    string? CertificateFingerprint, DateTime EnrolledAt, DateTime? LastSeen, int ClientId);

/// <summary>
/// <c>GET /api/devices/:id</c>: the row plus hardware and health score, then (beyond the document, additive) the
/// extended profile of notes §10 as stored, snake_case like the rest of the row. <c>logged_in_users</c>,
/// <c>previous_logged_in_users</c> and <c>network_adapters</c> are JSON text, as in the original's row.
/// </summary>
public sealed record DeviceDetail(string DeviceId, string? Hostname, string? OsVersion, string Status,
    string? CpuModel, double? TotalRamGb, double? TotalDiskGb, int? ProcessorCount, int? HealthScore,
    string? CertificateFingerprint, DateTime EnrolledAt, DateTime? LastSeen, int ClientId)
{
    public string? CurrentUser { get; init; }
    public string? ClientVersion { get; init; }
    public string? OsEdition { get; init; }
    public string? OsBuild { get; init; }
    public string? OsArchitecture { get; init; }
    public string? OsDisplayVersion { get; init; }
    public string? OsInstallDate { get; init; }
    public string? OsName { get; init; }
    public string? BiosManufacturer { get; init; }
    public string? BiosVersion { get; init; }
    public string? GpuModel { get; init; }
    public string? SerialNumber { get; init; }
    public string? Domain { get; init; }
    public string? LastBootTime { get; init; }
    public double? UptimeHours { get; init; }
    public string? LoggedInUsers { get; init; }
    public string? PreviousLoggedInUsers { get; init; }
    public string? NetworkAdapters { get; init; }
    public string? DeviceManufacturer { get; init; }
    public string? DeviceModel { get; init; }
    public string? FormFactor { get; init; }
    public string? TpmVersion { get; init; }
    public string? SecureBoot { get; init; }
    public string? DomainJoinType { get; init; }

    public static DeviceDetail From(Device d) => new(d.DeviceId, d.Hostname, d.OsVersion, d.Status,
        d.CpuModel, d.TotalRamGb, d.TotalDiskGb, d.ProcessorCount, d.HealthScore,
        d.CertificateFingerprint, d.EnrolledAt, d.LastSeen, d.ClientId)
    {
        CurrentUser = d.CurrentUser,
        ClientVersion = d.ClientVersion,
        OsEdition = d.OsEdition,
        OsBuild = d.OsBuild,
        OsArchitecture = d.OsArchitecture,
        OsDisplayVersion = d.OsDisplayVersion,
        OsInstallDate = d.OsInstallDate,
        OsName = d.OsName,
        BiosManufacturer = d.BiosManufacturer,
        BiosVersion = d.BiosVersion,
        GpuModel = d.GpuModel,
        SerialNumber = d.SerialNumber,
        Domain = d.Domain,
        LastBootTime = d.LastBootTime,
        UptimeHours = d.UptimeHours,
        LoggedInUsers = d.LoggedInUsers,
        PreviousLoggedInUsers = d.PreviousLoggedInUsers,
        NetworkAdapters = d.NetworkAdapters,
        DeviceManufacturer = d.DeviceManufacturer,
        DeviceModel = d.DeviceModel,
        FormFactor = d.FormFactor,
        TpmVersion = d.TpmVersion,
        SecureBoot = d.SecureBoot,
        DomainJoinType = d.DomainJoinType,
    };
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
