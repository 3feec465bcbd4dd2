namespace PocketIT.Server.PocketIt.Tickets;

public static class TicketEndpoints
{
    public static void MapTickets(this IEndpointRouteBuilder app)
    {
    }
}
