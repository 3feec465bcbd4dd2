namespace PocketIT.Server.PocketIt.Llm;

/// <summary>Which assistant answers devices. Public by the document; the API key never appears.</summary>
public static class LlmEndpoints
{
    public static void MapLlm(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/llm").WithTags("LLM");
        group.MapGet("/config", Config).AllowAnonymous();
        group.MapGet("/models", Models).AllowAnonymous();
    }

    private static IResult Config(LlmSettings settings)
    {
        var current = settings.Current;
        return Results.Ok(new LlmConfigResponse(current.Provider, current.Model, current.Url));
    }

    private static IResult Models(LlmSettings settings)
    {
        var current = settings.Current;
        return Results.Ok(new LlmModelsResponse(current.Provider, current.Model));
    }
}
