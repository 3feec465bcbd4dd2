using Microsoft.AspNetCore.HttpOverrides;
using PocketIT.Server.Core.Audit;
using PocketIT.Server.Core.Data;
using PocketIT.Server.Core.Http;
using PocketIT.Server.Core.Identity;

namespace PocketIT.Server.Core.Hosting;

/// <summary>The shared core every face stands on: options, storage, identity, errors, limits, API docs.</summary>
public static class CoreHosting
{
    public static PocketItOptions AddPocketItCore(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(PocketItOptions.Section);
        builder.Services.Configure<PocketItOptions>(section);
        var options = section.Get<PocketItOptions>() ?? new PocketItOptions();

        builder.ListenOnFacePorts(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddPocketItData(options);
        builder.Services.AddPocketItIdentity();
        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddPocketItRateLimits(options);
        builder.Services.AddPocketItCors(options);
        builder.Services.ConfigureHttpJsonOptions(o => JsonConventions.Apply(o.SerializerOptions));
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi("pocketit", o => o.AddSchemaTransformer(OpenApiStrings.DescribeAsString));
        return options;
    }

    /// <summary>Migrates the schema and seeds what a fresh install needs.</summary>
    public static async Task PrepareStorageAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PocketItOptions>>().Value;
        await app.Services.MigrateDatabaseAsync();
        await FirstStart.SeedAsync(app.Services, options);
    }

    public static void UsePocketItPipeline(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages(EmptyErrorBodies.WriteAsync);
        // Socket.IO bounds its own messages (screenshots exceed the API's 100 KB).
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/socket.io"),
            branch => branch.UseMiddleware<BodySizeLimitMiddleware>(100L * 1024));
        app.UseCors();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
    }
}
