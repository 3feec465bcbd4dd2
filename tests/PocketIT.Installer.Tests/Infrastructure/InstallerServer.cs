using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Core.Data;
using PocketIT.Server.Core.Devices;
using PocketIT.Server.Core.Identity;
using PocketIT.Server.Tests.Infrastructure;

namespace PocketIT.Installer.Tests.Infrastructure;

/// <summary>The real server on Kestrel, serving the published packages; create with <see cref="StartAsync"/>.</summary>
public sealed class InstallerServer : LiveServerFactory
{
    private InstallerServer() { }

    public static async Task<InstallerServer> StartAsync()
    {
        await PublishedPackages.EnsureAsync();
        return (InstallerServer)new InstallerServer().Started();
    }

    /// <summary>The address devices are given: the Kestrel base address without the trailing slash.</summary>
    public string ServerUrl => BaseUri.ToString().TrimEnd('/');

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
        [new("PocketIT:Installer:PackagesDir", PublishedPackages.Directory)];

    public async Task<EnrollmentToken?> TokenRowAsync(string token)
    {
        var hash = SecretHasher.Hash(token);
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().EnrollmentTokens.AsNoTracking()
            .SingleOrDefaultAsync(t => t.TokenHash == hash);
    }
}

/// <summary>One live server shared by a test class.</summary>
public sealed class InstallerServerFixture : IAsyncLifetime
{
    public InstallerServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await InstallerServer.StartAsync();

    public Task DisposeAsync()
    {
        Server?.Dispose();
        return Task.CompletedTask;
    }
}
