using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PocketIT.Server.Core.Http;

/// <summary>Our NUL-stripping string converter hides the type from the schema generator; say "string" again.</summary>
public static class OpenApiStrings
{
    public static Task DescribeAsString(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(string) && schema.Type is null)
            schema.Type = JsonSchemaType.String;
        return Task.CompletedTask;
    }
}
