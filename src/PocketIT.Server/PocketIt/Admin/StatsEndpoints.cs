namespace PocketIT.Server.PocketIt.Admin;

public static class StatsEndpoints
{
    public static void MapStats(this IEndpointRouteBuilder app)
    {
    }
}
