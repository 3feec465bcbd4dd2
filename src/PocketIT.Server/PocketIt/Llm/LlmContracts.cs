namespace PocketIT.Server.PocketIt.Llm;

public sealed record LlmConfigResponse(string Provider, string Model, string? Url);

public sealed record LlmModelsResponse(string Provider, string Model);
