namespace PocketIT.Server.Core.Devices;

/// <summary>A device's health score as it was after one recomputation; the device page draws these as history.</summary>
public sealed class HealthSnapshot
{
    public long Id { get; set; }
    public required string DeviceId { get; set; }
    public int Score { get; set; }
    public DateTime CreatedAt { get; set; }
}
