namespace PocketIT.Agent.Connection;

/// <summary>What the local chat UI needs from the server connection.</summary>
public interface IServerLink
{
    string? DeviceId { get; }
    bool Connected { get; }
    /// <summary>Sends the user's chat message; false when the agent is not connected.</summary>
    Task<bool> SendChatAsync(string content, CancellationToken ct);
}
