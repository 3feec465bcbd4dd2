using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Core.Hosting;

namespace PocketIT.Server.Core.Data;

public static class DataServiceExtensions
{
    public static IServiceCollection AddPocketItData(this IServiceCollection services, PocketItOptions options)
    {
        if (options.Database.IsPostgres)
        {
            var cs = options.Database.ConnectionString
                ?? throw new InvalidOperationException("PocketIT:Database:ConnectionString is required when the provider is postgres.");
            services.AddDbContext<AppDbContext, PostgresAppDbContext>(o => o.UseNpgsql(cs));
        }
        else
        {
            var cs = options.Database.ConnectionString
                ?? $"Data Source={Path.Combine(DataDirectory.Ensure(options), "pocketit.db")}";
            services.AddDbContext<AppDbContext, SqliteAppDbContext>(o => o.UseSqlite(cs));
        }
        return services;
    }

    /// <summary>Brings the schema up to date; SQLite also switches to WAL so readers never wait on a writer.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await db.Database.MigrateAsync();
    }
}
