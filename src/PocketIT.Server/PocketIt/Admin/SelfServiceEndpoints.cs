namespace PocketIT.Server.PocketIt.Admin;

public static class SelfServiceEndpoints
{
    public static void MapSelfService(this IEndpointRouteBuilder app)
    {
    }
}
