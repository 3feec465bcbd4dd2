using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Assistant;
using PocketIT.Server.Core.Data;
using PocketIT.Server.Core.Devices;

namespace PocketIT.Server.PocketIt.Chat;

/// <summary>Reads and writes the end user's chat (channel <c>user</c>; technician guidance never appears here).</summary>
public sealed class ChatStore(AppDbContext db, TimeProvider time)
{
    public async Task<ChatMessage> AddAsync(string deviceId, string sender, string? senderName, string content,
        string messageType = "text", string? metadata = null)
    {
        var row = new ChatMessage
        {
            DeviceId = deviceId,
            Sender = sender,
            SenderName = senderName,
            Content = content,
            MessageType = messageType,
            Metadata = metadata,
            Channel = ChatEndpoints.UserChannel,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.ChatMessages.Add(row);
        await db.SaveChangesAsync();
        return row;
    }

    /// <summary>The newest <paramref name="count"/> messages, oldest first.</summary>
    public async Task<List<ChatMessage>> RecentAsync(string deviceId, int count, DateTime? after = null)
    {
        var query = db.ChatMessages.AsNoTracking().Where(m => m.DeviceId == deviceId && m.Channel == ChatEndpoints.UserChannel);
        if (after is { } since) query = query.Where(m => m.CreatedAt > since);
        var rows = await query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(count).ToListAsync();
        rows.Reverse();
        return rows;
    }

    /// <summary>The assistant's context, rebuilt from storage so it survives a restart (notes §8.5).</summary>
    public async Task<IReadOnlyList<ConversationTurn>> ContextAsync(string deviceId) =>
        (await RecentAsync(deviceId, DeviceAssistant.ContextTurns))
            .Where(m => m.Sender is "user" or "ai" or "it_tech")
            .Select(m => new ConversationTurn(m.Sender, m.Content))
            .ToList();
}
