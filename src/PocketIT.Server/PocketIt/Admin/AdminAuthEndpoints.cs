namespace PocketIT.Server.PocketIt.Admin;

public static class AdminAuthEndpoints
{
    public static void MapAdminAuth(this IEndpointRouteBuilder app)
    {
    }
}
