using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Core.Data;
using PocketIT.Server.Core.Identity;
using PocketIT.Server.Core.Tenancy;

namespace PocketIT.Server.Core.Hosting;

/// <summary>
/// What a fresh install needs: the "Default" client and one superadmin, <c>admin</c>, whose password is
/// configured or generated and printed once. There is never a default password.
/// </summary>
public static class FirstStart
{
    public static async Task SeedAsync(IServiceProvider services, PocketItOptions options)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var now = time.GetUtcNow().UtcDateTime;

        if (!await db.Clients.AnyAsync(c => c.Slug == "default"))
            db.Clients.Add(new Client { Name = "Default", Slug = "default", CreatedAt = now });

        if (!await db.Users.AnyAsync())
        {
            var password = options.Bootstrap.AdminPassword;
            var generated = string.IsNullOrEmpty(password);
            if (generated) password = GeneratePassword();
            db.Users.Add(new StaffUser
            {
                Username = BootstrapAdmin.Username,
                DisplayName = "Administrator",
                Role = Roles.Superadmin,
                PasswordHash = scope.ServiceProvider.GetRequiredService<PasswordHasher>().Hash(password!),
                CreatedAt = now,
            });
            if (generated)
            {
                Console.WriteLine();
                Console.WriteLine("  First start: created the superadmin account 'admin'.");
                Console.WriteLine($"  Its generated password, shown only this once: {password}");
                Console.WriteLine("  (set PocketIT__Bootstrap__AdminPassword to choose it instead)");
                Console.WriteLine();
            }
        }
        try { await db.SaveChangesAsync(); }
        catch (DbUpdateException) { /* another node seeded first */ }
    }

    private static string GeneratePassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', 'x').Replace('/', 'y');
}
