namespace PocketIT.Server.PocketIt.Llm;

public static class LlmEndpoints
{
    public static void MapLlm(this IEndpointRouteBuilder app)
    {
    }
}
