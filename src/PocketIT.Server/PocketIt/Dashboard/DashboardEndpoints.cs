using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using PocketIT.Server.Core.Hosting;

namespace PocketIT.Server.PocketIt.Dashboard;

/// <summary>
/// The staff dashboard: static files under <c>wwwroot/dashboard/</c>, served at <c>/dashboard/</c> on the
/// Pocket IT face's port only, each response with a strict Content-Security-Policy (no inline script or style).
/// Served by middleware rather than endpoints: these are files, not API routes, and declare no policy.
/// </summary>
public static class DashboardEndpoints
{
    public const string PathPrefix = "/dashboard";

    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public static void UseDashboard(this WebApplication app, FaceOptions face)
    {
        if (!face.Enabled || FindRoot(app.Environment) is not { } root) return;
        var files = new PhysicalFileProvider(root);
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".mjs"] = "text/javascript";

        app.UseWhen(context => IsDashboardRequest(context, face.Port), branch =>
        {
            branch.Use((context, next) =>
            {
                if (context.Request.Path.Equals(PathPrefix, StringComparison.OrdinalIgnoreCase))
                {
                    context.Response.Redirect(PathPrefix + "/");
                    return Task.CompletedTask;
                }
                context.Response.OnStarting(() =>
                {
                    var headers = context.Response.Headers;
                    headers.ContentSecurityPolicy = ContentSecurityPolicy;
                    headers.XContentTypeOptions = "nosniff";
                    headers.XFrameOptions = "DENY";
                    headers["Referrer-Policy"] = "no-referrer";
                    headers.CacheControl = "no-cache";
                    return Task.CompletedTask;
                });
                return next(context);
            });
            branch.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = PathPrefix });
            branch.UseStaticFiles(new StaticFileOptions { FileProvider = files, RequestPath = PathPrefix, ContentTypeProvider = types });
        });
    }

    private static bool IsDashboardRequest(HttpContext context, int port) =>
        context.Request.Host.Port == port &&
        (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)) &&
        context.Request.Path.StartsWithSegments(PathPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary><c>wwwroot/dashboard</c> under the content root (dotnet run, tests), else beside the binaries (publish).</summary>
    private static string? FindRoot(IWebHostEnvironment env)
    {
        string?[] candidates =
        [
            env.WebRootPath is { } web ? Path.Combine(web, "dashboard") : null,
            Path.Combine(env.ContentRootPath, "wwwroot", "dashboard"),
            Path.Combine(AppContext.BaseDirectory, "wwwroot", "dashboard"),
        ];
        return candidates.FirstOrDefault(Directory.Exists);
    }
}
