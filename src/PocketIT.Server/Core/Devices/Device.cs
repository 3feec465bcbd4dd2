namespace PocketIT.Server.Core.Devices;

/// <summary>An enrolled device. Every string on it came from the device and is untrusted.</summary>
public sealed class Device
{
    public required string DeviceId { get; set; }
    /// <summary>SHA-256 of the device secret handed out at enrollment.</summary>
    public required string SecretHash { get; set; }
    public string? Hostname { get; set; }
    public string? OsVersion { get; set; }
    public string Status { get; set; } = "offline";
    public string? CertificateFingerprint { get; set; }
    public DateTime EnrolledAt { get; set; }
    public DateTime? LastSeen { get; set; }
    public int ClientId { get; set; }

    public string? CpuModel { get; set; }
    public double? TotalRamGb { get; set; }
    public double? TotalDiskGb { get; set; }
    public int? ProcessorCount { get; set; }
    public int? HealthScore { get; set; }

    public string? CurrentUser { get; set; }
    public string? ClientVersion { get; set; }
    public string? ExeHash { get; set; }
    public string? AiDisabled { get; set; }
    public string? AiDisabledBy { get; set; }

    public string? OsEdition { get; set; }
    public string? OsBuild { get; set; }
    public string? OsArchitecture { get; set; }
    public string? OsDisplayVersion { get; set; }
    public string? OsInstallDate { get; set; }
    public string? OsName { get; set; }
    public string? BiosManufacturer { get; set; }
    public string? BiosVersion { get; set; }
    public string? GpuModel { get; set; }
    public string? SerialNumber { get; set; }
    public string? Domain { get; set; }
    public string? LastBootTime { get; set; }
    public double? UptimeHours { get; set; }
    public string? LoggedInUsers { get; set; }
    public string? PreviousLoggedInUsers { get; set; }
    public string? NetworkAdapters { get; set; }
    public string? DeviceManufacturer { get; set; }
    public string? DeviceModel { get; set; }
    public string? FormFactor { get; set; }
    public string? TpmVersion { get; set; }
    public string? SecureBoot { get; set; }
    public string? DomainJoinType { get; set; }
}

public sealed class EnrollmentToken
{
    public int Id { get; set; }
    /// <summary>SHA-256 of the token; the token itself is shown once.</summary>
    public required string TokenHash { get; set; }
    public int ClientId { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public string Status { get; set; } = EnrollmentTokenStatus.Active;
    public string? UsedByDevice { get; set; }
    public DateTime? UsedAt { get; set; }
}

public static class EnrollmentTokenStatus
{
    public const string Active = "active";
    public const string Used = "used";
}

public sealed class DiagnosticResult
{
    public int Id { get; set; }
    public required string DeviceId { get; set; }
    public required string CheckType { get; set; }
    public required string Status { get; set; }
    public string? Data { get; set; }
    public DateTime CreatedAt { get; set; }
}

public sealed class ChatMessage
{
    public int Id { get; set; }
    public required string DeviceId { get; set; }
    /// <summary><c>user</c>, <c>ai</c>, <c>it_tech</c> or <c>system</c>.</summary>
    public required string Sender { get; set; }
    public string? SenderName { get; set; }
    public required string Content { get; set; }
    public string MessageType { get; set; } = "text";
    public string? Metadata { get; set; }
    /// <summary><c>user</c> (the end user's chat) or <c>it_guidance</c>.</summary>
    public string Channel { get; set; } = "user";
    public DateTime CreatedAt { get; set; }
}

public sealed class Ticket
{
    public int Id { get; set; }
    public required string DeviceId { get; set; }
    /// <summary>The device's client when the ticket was opened; tickets outlive devices.</summary>
    public int? ClientId { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public string Status { get; set; } = "open";
    public string Priority { get; set; } = "medium";
    public string? Category { get; set; }
    public int? AssignedTo { get; set; }
    public string? AiSummary { get; set; }
    public string? RequestedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? UpdatedAt { get; set; }
}

public sealed class TicketComment
{
    public int Id { get; set; }
    public int TicketId { get; set; }
    public required string Author { get; set; }
    public required string Content { get; set; }
    public DateTime CreatedAt { get; set; }
}
