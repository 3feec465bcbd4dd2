using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Core.Data;

namespace PocketIT.Server.PocketIt.Installer;

/// <summary>
/// The address a device should reach this server at (notes §11): the <c>server.publicUrl</c> setting, then the
/// <c>POCKET_IT_PUBLIC_URL</c> environment variable, then the scheme and host the admin's request came in on.
/// </summary>
public static class PublicServerUrl
{
    public const string SettingKey = "server.publicUrl";
    public const string EnvironmentVariable = "POCKET_IT_PUBLIC_URL";

    public static async Task<string> ResolveAsync(AppDbContext db, HttpRequest request)
    {
        var configured = await db.ServerSettings.AsNoTracking().Where(s => s.Key == SettingKey).Select(s => s.Value).FirstOrDefaultAsync();
        if (string.IsNullOrWhiteSpace(configured)) configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(configured)) configured = $"{request.Scheme}://{request.Host}";
        return configured.Trim().TrimEnd('/');
    }
}
