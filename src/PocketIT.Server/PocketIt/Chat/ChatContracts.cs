namespace PocketIT.Server.PocketIt.Chat;

/// <summary>A message of the end user's chat as <c>GET /api/chat/:deviceId/history</c> shows it.</summary>
public sealed record ChatMessageRow(int Id, string DeviceId, string Sender, string Content, string MessageType,
    string? Metadata, DateTime CreatedAt);
