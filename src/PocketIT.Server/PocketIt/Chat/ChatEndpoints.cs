using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Core.Data;
using PocketIT.Server.Core.Http;
using PocketIT.Server.Core.Identity;
using PocketIT.Server.PocketIt.Devices;

namespace PocketIT.Server.PocketIt.Chat;

/// <summary>A device's end-user chat for staff in scope. Technician guidance (<c>it_guidance</c>) never leaks here.</summary>
public static class ChatEndpoints
{
    public const string UserChannel = "user";

    public static void MapChat(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/chat").WithTags("Chat");
        group.MapGet("/{deviceId}/history", History).RequireAuthorization(Policies.Staff);
    }

    /// <summary>A page counted back from the newest message (offset 0 = the latest ones), returned oldest first.</summary>
    private static async Task<IResult> History(string deviceId, string? limit, string? offset, ClaimsPrincipal user,
        DeviceAccess access, AppDbContext db)
    {
        var (take, skip, invalid) = ChatPaging.Parse(limit, offset);
        if (invalid is not null) return ApiErrors.BadRequest(invalid);
        var (_, error) = await access.FindAsync(user.Staff()!, deviceId);
        if (error is not null) return error;

        var page = await db.ChatMessages.AsNoTracking()
            .Where(m => m.DeviceId == deviceId && m.Channel == UserChannel)
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Skip(skip).Take(take)
            .Select(m => new ChatMessageRow(m.Id, m.DeviceId, m.Sender, m.Content, m.MessageType, m.Metadata, m.CreatedAt))
            .ToListAsync();
        page.Reverse();
        return Results.Ok(page);
    }
}
