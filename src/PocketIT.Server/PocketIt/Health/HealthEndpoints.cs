namespace PocketIT.Server.PocketIt.Health;

public static class HealthEndpoints
{
    public sealed record HealthBody(string Status, string Service);

    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", () => new HealthBody("ok", "pocket-it")).AllowAnonymous().WithTags("Health");
}
