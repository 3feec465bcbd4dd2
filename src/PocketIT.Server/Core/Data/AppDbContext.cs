using System.Text;
using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Core.Audit;
using PocketIT.Server.Core.Devices;
using PocketIT.Server.Core.Identity;
using PocketIT.Server.Core.Settings;
using PocketIT.Server.Core.Tenancy;

namespace PocketIT.Server.Core.Data;

/// <summary>
/// The shared store. One subclass per provider carries that provider's migrations
/// (<see cref="SqliteAppDbContext"/>, <see cref="PostgresAppDbContext"/>).
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Client> Clients => Set<Client>();
    public DbSet<ClientNote> ClientNotes => Set<ClientNote>();
    public DbSet<ClientCustomField> ClientCustomFields => Set<ClientCustomField>();
    public DbSet<UserClientAssignment> UserClientAssignments => Set<UserClientAssignment>();
    public DbSet<StaffUser> Users => Set<StaffUser>();
    public DbSet<BackupCode> BackupCodes => Set<BackupCode>();
    public DbSet<UserPreference> UserPreferences => Set<UserPreference>();
    public DbSet<Device> Devices => Set<Device>();
    public DbSet<EnrollmentToken> EnrollmentTokens => Set<EnrollmentToken>();
    public DbSet<DiagnosticResult> DiagnosticResults => Set<DiagnosticResult>();
    public DbSet<HealthSnapshot> HealthSnapshots => Set<HealthSnapshot>();
    public DbSet<ChatMessage> ChatMessages => Set<ChatMessage>();
    public DbSet<Ticket> Tickets => Set<Ticket>();
    public DbSet<TicketComment> TicketComments => Set<TicketComment>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<ServerSetting> ServerSettings => Set<ServerSetting>();

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        builder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        builder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Client>(e =>
        {
            e.ToTable("clients");
            e.HasIndex(x => x.Name).IsUnique();
            e.HasIndex(x => x.Slug).IsUnique();
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Slug).HasMaxLength(200);
        });
        model.Entity<ClientNote>(e =>
        {
            e.ToTable("client_notes");
            e.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.ClientId, x.CreatedAt });
        });
        model.Entity<ClientCustomField>(e =>
        {
            e.ToTable("client_custom_fields");
            e.HasKey(x => new { x.ClientId, x.Name });
            e.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<UserClientAssignment>(e =>
        {
            e.ToTable("user_client_assignments");
            e.HasKey(x => new { x.UserId, x.ClientId });
            e.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<StaffUser>(e =>
        {
            e.ToTable("it_users");
            e.HasIndex(x => x.Username).IsUnique();
        });
        model.Entity<BackupCode>(e =>
        {
            e.ToTable("backup_codes");
            e.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.UserId);
        });
        model.Entity<UserPreference>(e =>
        {
            e.ToTable("user_preferences");
            e.HasKey(x => new { x.UserId, x.Key });
            e.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<Device>(e =>
        {
            e.ToTable("devices");
            e.HasKey(x => x.DeviceId);
            e.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.ClientId);
            e.HasIndex(x => x.Status);
        });
        model.Entity<EnrollmentToken>(e =>
        {
            e.ToTable("enrollment_tokens");
            e.HasIndex(x => x.TokenHash).IsUnique();
            e.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<DiagnosticResult>(e =>
        {
            e.ToTable("diagnostic_results");
            e.HasOne<Device>().WithMany().HasForeignKey(x => x.DeviceId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.DeviceId, x.CreatedAt });
        });
        model.Entity<HealthSnapshot>(e =>
        {
            e.ToTable("health_history");
            e.HasOne<Device>().WithMany().HasForeignKey(x => x.DeviceId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.DeviceId, x.CreatedAt });
        });
        model.Entity<ChatMessage>(e =>
        {
            e.ToTable("chat_messages");
            e.HasOne<Device>().WithMany().HasForeignKey(x => x.DeviceId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.DeviceId, x.Channel, x.CreatedAt });
        });
        model.Entity<Ticket>(e =>
        {
            e.ToTable("tickets");
            e.HasIndex(x => x.Status);
            e.HasIndex(x => x.DeviceId);
            e.HasIndex(x => x.ClientId);
            e.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.AssignedTo).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.SetNull);
        });
        model.Entity<TicketComment>(e =>
        {
            e.ToTable("ticket_comments");
            e.HasOne<Ticket>().WithMany().HasForeignKey(x => x.TicketId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.TicketId);
        });
        model.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_log");
            e.HasIndex(x => x.CreatedAt);
        });
        model.Entity<ServerSetting>(e =>
        {
            e.ToTable("server_settings");
            e.HasKey(x => x.Key);
        });

        UseSnakeCaseColumns(model);
    }

    /// <summary>Column names as the original schema spells them: <c>TotalRamGb</c> → <c>total_ram_gb</c>.</summary>
    private static void UseSnakeCaseColumns(ModelBuilder model)
    {
        foreach (var entity in model.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
                property.SetColumnName(ToSnakeCase(property.Name));
        }
    }

    internal static string ToSnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
                    sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
