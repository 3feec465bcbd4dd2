using Microsoft.EntityFrameworkCore;
using PocketIT.Server.Core.Data;
using PocketIT.Server.Core.Identity;

namespace PocketIT.Server.PocketIt.Settings;

/// <summary>
/// The <c>server_settings</c> rows held in memory, so every chat message does not read the table. A write on this
/// node calls <see cref="Invalidate"/>; other nodes sharing the database pick the change up within <see cref="MaxAge"/>.
/// </summary>
public sealed class StoredSettings(IServiceScopeFactory scopes, SecretProtector protector, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private volatile Snapshot? _snapshot;
    private int _version;

    private sealed record Snapshot(IReadOnlyDictionary<string, string> Values, DateTimeOffset LoadedAt);

    public string? Get(string key) => Current().Values.TryGetValue(key, out var value) ? value : null;

    /// <summary>The decrypted value of an encrypted setting; null when absent or unreadable (e.g. the key file changed).</summary>
    public string? GetSecret(string key)
    {
        try { return protector.Unprotect(Get(key)); }
        catch (Exception ex) when (ex is FormatException or System.Security.Cryptography.CryptographicException) { return null; }
    }

    /// <summary><c>ai.enabled</c>: only an explicit <c>false</c> turns the assistant off.</summary>
    public bool AiEnabled => !string.Equals(Get(SettingKeys.AiEnabled), "false", StringComparison.OrdinalIgnoreCase);

    public void Invalidate()
    {
        Interlocked.Increment(ref _version);
        _snapshot = null;
    }

    private Snapshot Current()
    {
        var snapshot = _snapshot;
        if (snapshot is not null && time.GetUtcNow() - snapshot.LoadedAt < MaxAge) return snapshot;
        var version = Volatile.Read(ref _version);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var values = db.ServerSettings.AsNoTracking().ToDictionary(s => s.Key, s => s.Value);
        snapshot = new Snapshot(values, time.GetUtcNow());
        // A write that landed while we read must not be hidden behind the older values we just loaded.
        if (Volatile.Read(ref _version) == version) _snapshot = snapshot;
        return snapshot;
    }
}
