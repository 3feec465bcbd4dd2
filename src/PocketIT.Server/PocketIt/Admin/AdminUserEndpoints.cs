namespace PocketIT.Server.PocketIt.Admin;

public static class AdminUserEndpoints
{
    public static void MapAdminUsers(this IEndpointRouteBuilder app)
    {
    }
}
