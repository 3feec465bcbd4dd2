namespace PocketIT.Server.Core.Tenancy;

/// <summary>A tenant: the company whose devices an MSP manages.</summary>
public sealed class Client
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public string? Notes { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? UpdatedAt { get; set; }
}

public sealed class ClientNote
{
    public int Id { get; set; }
    public int ClientId { get; set; }
    public required string Content { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}

public sealed class ClientCustomField
{
    public int ClientId { get; set; }
    public required string Name { get; set; }
    public required string Value { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public sealed class UserClientAssignment
{
    public int UserId { get; set; }
    public int ClientId { get; set; }
    public DateTime AssignedAt { get; set; }
}
