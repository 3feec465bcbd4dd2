namespace PocketIT.Server.Core.Audit;

/// <summary>One row of <c>audit_log</c>: who did what to what.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    /// <summary>A username, <c>ai</c>, <c>system</c> or a device id.</summary>
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public string? Target { get; set; }
    /// <summary>JSON.</summary>
    public string? Details { get; set; }
    public string? IpAddress { get; set; }
    public DateTime CreatedAt { get; set; }
}
