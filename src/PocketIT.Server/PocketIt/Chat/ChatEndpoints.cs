namespace PocketIT.Server.PocketIt.Chat;

public static class ChatEndpoints
{
    public static void MapChat(this IEndpointRouteBuilder app)
    {
    }
}
