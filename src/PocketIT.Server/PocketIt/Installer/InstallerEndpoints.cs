using System.Security.Claims;
using PocketIT.Protocol;
using PocketIT.Server.Core.Data;
using PocketIT.Server.Core.Http;
using PocketIT.Server.Core.Identity;
using PocketIT.Server.PocketIt.Clients;
using PocketIT.Server.PocketIt.Enrollment;

namespace PocketIT.Server.PocketIt.Installer;

/// <summary>
/// Per-client installers: <c>GET /api/clients/:id/installer</c> (admin; a fresh token baked into the bootstrapper
/// or a ZIP) and <c>GET /api/installer/package</c> (the bootstrapper's anonymous, token-checked agent download).
/// </summary>
public static class InstallerEndpoints
{
    public const string NotBuilt = "Client binaries not built (run scripts/publish-packages.sh first)";
    public const string BadPlatform = "Invalid platform: use a runtime identifier such as win-x64, linux-x64 or osx-arm64";

    public static void MapInstaller(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/clients/{id}/installer", DownloadInstaller).WithTags("Clients")
            .RequireAuthorization(Policies.Admin).RequireRateLimiting(RateLimits.EnrollmentTokens);
        app.MapGet("/api/installer/package", DownloadPackage).WithTags("Installer")
            .AllowAnonymous().RequireRateLimiting(RateLimits.PackageDownloads);
    }

    private static async Task<IResult> DownloadInstaller(
        int id, string? platform, ClaimsPrincipal user, HttpRequest request,
        ClientAccess clients, PackageStore packages, EnrollmentTokenIssuer tokens, AppDbContext db)
    {
        var (client, error) = await clients.FindAsync(user, id);
        if (error is not null) return error;
        platform = string.IsNullOrEmpty(platform) ? PackageStore.DefaultPlatform : platform;
        if (!PackageStore.IsValidPlatform(platform)) return ApiErrors.BadRequest(BadPlatform);
        var files = packages.AgentFiles(platform);
        if (files.Count == 0) return ApiErrors.Result(StatusCodes.Status503ServiceUnavailable, NotBuilt);

        var setupExe = packages.SetupExe(platform);
        var (token, _) = await tokens.IssueAsync(client!, user.Staff()!.Username,
            new { via = "installer", platform, mode = setupExe is null ? "zip" : "exe" });
        var serverUrl = await PublicServerUrl.ResolveAsync(db, request);

        if (setupExe is not null)
        {
            var overlay = InstallerOverlay.Build(new InstallerConfig(serverUrl, token));
            return new DownloadResult("application/octet-stream", $"PocketIT-{client!.Slug}-setup.exe",
                new FileInfo(setupExe).Length + overlay.Length, async (body, ct) =>
                {
                    await using var exe = new FileStream(setupExe, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
                    await exe.CopyToAsync(body, ct);
                    await body.WriteAsync(overlay, ct);
                });
        }
        var settings = PackageZip.AgentSettings(serverUrl, token);
        return new ZipDownloadResult($"PocketIT-{client!.Slug}-setup.zip", files, settings);
    }

    private static async Task<IResult> DownloadPackage(string? token, string? platform, PackageStore packages, EnrollmentTokenIssuer tokens)
    {
        if (string.IsNullOrWhiteSpace(token)) return ApiErrors.BadRequest("Token required");
        platform = string.IsNullOrEmpty(platform) ? PackageStore.DefaultPlatform : platform;
        if (!PackageStore.IsValidPlatform(platform)) return ApiErrors.BadRequest(BadPlatform);
        // Checked, not consumed: the agent consumes the token when it enrolls on first start.
        if (!await tokens.IsValidAsync(token)) return ApiErrors.Unauthorized("Invalid or expired token");
        var files = packages.AgentFiles(platform);
        if (files.Count == 0) return ApiErrors.Result(StatusCodes.Status503ServiceUnavailable, NotBuilt);
        return new ZipDownloadResult("pocket-it-client.zip", files, agentSettings: null);
    }
}
