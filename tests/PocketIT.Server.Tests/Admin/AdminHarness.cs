using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using PocketIT.Server.Core.Audit;
using PocketIT.Server.Core.Data;
using PocketIT.Server.Tests.Infrastructure;

namespace PocketIT.Server.Tests.Admin;

public sealed record StaffAccount(int Id, string Username, string Password);

/// <summary>
/// Intent methods for the admin tests. Remote sign-ins each come from a fresh address, so a class that
/// signs in many users stays under the per-IP login throttle, which has tests of its own.
/// </summary>
public static class AdminHarness
{
    public const string StaffPassword = "Staff-Password-123";
    private static int _nextAddress;

    public static string FreshRemoteAddress()
    {
        var n = Interlocked.Increment(ref _nextAddress);
        return $"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}";
    }

    /// <summary>A remote caller with no token, from an address no other test uses.</summary>
    public static TestApi Remote(this PocketItFactory factory) => factory.Api(FreshRemoteAddress());

    /// <summary>Creates a staff user over the bypass (and assigns clients) without signing it in.</summary>
    public static async Task<StaffAccount> CreateAccountAsync(this PocketItFactory factory, string role, params int[] clientIds)
    {
        var username = $"{role}-{Guid.NewGuid():N}"[..20];
        var body = await (await factory.Api().Post("/api/admin/users", new { username, password = StaffPassword, display_name = username, role }))
            .ShouldSucceed();
        var id = body["id"]!.GetValue<int>();
        foreach (var clientId in clientIds)
            await (await factory.Api().Post($"/api/clients/{clientId}/users", new { user_id = id })).ShouldSucceed();
        return new StaffAccount(id, username, StaffPassword);
    }

    public static Task<HttpResponseMessage> PostLoginAsync(this PocketItFactory factory, string username, string password) =>
        factory.Remote().Post("/api/admin/login", new { username, password });

    /// <summary>Signs in with the password only (2FA off) and returns a remote client carrying the full token.</summary>
    public static async Task<TestApi> SignInAsync(this PocketItFactory factory, StaffAccount account)
    {
        var body = await (await factory.PostLoginAsync(account.Username, account.Password)).ShouldSucceed();
        return factory.Remote().WithToken(body["token"]!.GetValue<string>());
    }

    public static async Task<(StaffAccount Account, TestApi Api)> SignedInAsync(this PocketItFactory factory, string role, params int[] clientIds)
    {
        var account = await factory.CreateAccountAsync(role, clientIds);
        return (account, await factory.SignInAsync(account));
    }

    /// <summary>Turns TOTP on for a signed-in user through setup and confirm; returns the secret and the backup codes.</summary>
    public static async Task<(string ManualKey, List<string> BackupCodes)> EnableTotpAsync(TestApi signedIn)
    {
        var setup = await (await signedIn.Post("/api/admin/2fa/setup")).ShouldSucceed();
        var key = setup["manualKey"]!.GetValue<string>();
        var confirmed = await (await signedIn.Post("/api/admin/2fa/confirm", new { code = CodeFor(key) })).ShouldSucceed();
        return (key, confirmed["backup_codes"]!.AsArray().Select(c => c!.GetValue<string>()).ToList());
    }

    public static string CodeFor(string manualKey) => new Totp(Base32Encoding.ToBytes(manualKey)).ComputeTotp();

    /// <summary>The next time step's code: still accepted (one step of drift), and not the one confirm just used.</summary>
    public static string NextCodeFor(string manualKey) => new Totp(Base32Encoding.ToBytes(manualKey)).ComputeTotp(DateTime.UtcNow.AddSeconds(30));

    /// <summary>A six-digit code that is not valid now or one step either side.</summary>
    public static string WrongCodeFor(string manualKey)
    {
        var totp = new Totp(Base32Encoding.ToBytes(manualKey));
        var now = DateTime.UtcNow;
        var valid = new[] { -30, 0, 30 }.Select(s => totp.ComputeTotp(now.AddSeconds(s))).ToHashSet();
        return Enumerable.Range(0, 10).Select(d => new string((char)('0' + d), 6)).First(c => !valid.Contains(c));
    }

    public static async Task<string> TempTokenAsync(this PocketItFactory factory, StaffAccount account, string flag)
    {
        var body = await (await factory.PostLoginAsync(account.Username, account.Password)).ShouldSucceed();
        Assert.True(body[flag]?.GetValue<bool>() == true, $"expected {flag}: {body}");
        Assert.Null(body["token"]);
        return body["tempToken"]!.GetValue<string>();
    }

    public static async Task<List<AuditEntry>> AuditAsync(this PocketItFactory factory, string action)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.AuditLog.AsNoTracking().Where(a => a.Action == action).ToListAsync();
    }

    /// <summary>Runs <paramref name="work"/> against the factory's database, for setting up rows no endpoint here creates.</summary>
    public static async Task WithDbAsync(this PocketItFactory factory, Func<AppDbContext, Task> work)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await work(db);
    }

    public static async Task<JsonNode> UserRowAsync(this PocketItFactory factory, int id)
    {
        var users = await (await factory.Api().Get("/api/admin/users")).ShouldSucceed();
        return users.AsArray().Single(u => u!["id"]!.GetValue<int>() == id)!;
    }

    public static int[] Ids(this JsonNode clients) => clients.AsArray().Select(c => c!["id"]!.GetValue<int>()).Order().ToArray();
}
