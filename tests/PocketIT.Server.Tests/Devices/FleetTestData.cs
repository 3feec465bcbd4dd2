using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PocketIT.Server.Core.Data;
using PocketIT.Server.Core.Devices;
using PocketIT.Server.Core.Identity;
using PocketIT.Server.Tests.Infrastructure;

namespace PocketIT.Server.Tests.Devices;

/// <summary>
/// Seeds what no REST endpoint writes yet (hardware, health, diagnostics, chat) straight into the
/// store, and signs staff in by minting their token, so a class is not held up by the login limiter.
/// </summary>
public static class FleetTestData
{
    public static async Task WithDbAsync(this PocketItFactory factory, Func<AppDbContext, Task> action)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await action(db);
        await db.SaveChangesAsync();
    }

    public static async Task<T> QueryDbAsync<T>(this PocketItFactory factory, Func<AppDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public static Task UpdateDeviceAsync(this PocketItFactory factory, string deviceId, Action<Device> change) =>
        factory.WithDbAsync(async db => change(await db.Devices.SingleAsync(d => d.DeviceId == deviceId)));

    public static Task SetHealthAsync(this PocketItFactory factory, string deviceId, int? score) =>
        factory.UpdateDeviceAsync(deviceId, d => d.HealthScore = score);

    public static Task AddDiagnosticsAsync(this PocketItFactory factory, string deviceId, int count, DateTime first) =>
        factory.WithDbAsync(db =>
        {
            for (var i = 0; i < count; i++)
                db.DiagnosticResults.Add(new DiagnosticResult
                {
                    DeviceId = deviceId, CheckType = "check-" + i, Status = "completed",
                    Data = $"{{\"n\":{i}}}", CreatedAt = first.AddMinutes(i),
                });
            return Task.CompletedTask;
        });

    public static Task AddChatAsync(this PocketItFactory factory, params ChatMessage[] messages) =>
        factory.WithDbAsync(db => { db.ChatMessages.AddRange(messages); return Task.CompletedTask; });

    /// <summary>A staff user in the given clients, carrying a real token signed by the server.</summary>
    public static async Task<(int Id, string Username, TestApi Api)> StaffAsync(this PocketItFactory factory, string role, params int[] clientIds)
    {
        var username = $"{role}-{Guid.NewGuid():N}"[..20];
        var created = await factory.Api().Post("/api/admin/users",
            new { username, password = "Staff-Password-123", display_name = username, role });
        var id = (await created.ShouldSucceed())["id"]!.GetValue<int>();
        foreach (var clientId in clientIds)
            (await factory.Api().Post($"/api/clients/{clientId}/users", new { user_id = id })).EnsureSuccessStatusCode();
        var user = await factory.QueryDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));
        var token = factory.Services.GetRequiredService<StaffTokenService>().CreateFullToken(user);
        return (id, username, factory.RemoteApi().WithToken(token));
    }

    /// <summary>A remote caller authenticated as the device by its enrollment credentials.</summary>
    public static TestApi DeviceApi(this PocketItFactory factory, string deviceId, string secret) =>
        factory.RemoteApi().WithHeader("x-device-id", deviceId).WithHeader("x-device-secret", secret);

    public static ISet<string> Keys(this System.Text.Json.Nodes.JsonNode node) =>
        node.AsObject().Select(p => p.Key).ToHashSet();
}
