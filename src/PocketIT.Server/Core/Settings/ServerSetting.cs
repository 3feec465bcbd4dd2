namespace PocketIT.Server.Core.Settings;

public sealed class ServerSetting
{
    public required string Key { get; set; }
    public required string Value { get; set; }
    public DateTime UpdatedAt { get; set; }
}
