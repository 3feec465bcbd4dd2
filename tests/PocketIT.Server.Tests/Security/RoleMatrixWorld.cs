using PocketIT.Server.Tests.Infrastructure;

namespace PocketIT.Server.Tests.Security;

/// <summary>
/// Two clients with a device, ticket, note and custom field each, and one caller per role:
/// the viewer and technician are assigned to client A, the out-of-scope technician to client B.
/// </summary>
public sealed class RoleMatrixWorld : IAsyncLifetime
{
    /// <summary>With packages, so the installer download is judged on its policy rather than answering 503.</summary>
    public PocketItFactory Factory { get; } = new Installer.FakePackagesFactory();
    public Dictionary<string, TestApi> Callers { get; } = [];
    public Dictionary<string, string> ValuesInA { get; } = [];

    public async Task InitializeAsync()
    {
        var admin = Factory.Api();
        var clientA = await admin.CreateClientAsync();
        var clientB = await admin.CreateClientAsync();
        var (deviceA, secretA) = await admin.EnrollDeviceAsync(clientA);
        var ticketA = (await (await admin.Post("/api/tickets", new { device_id = deviceA, title = "Printer jam" })).ShouldSucceed())["id"]!.ToString();
        var noteA = (await (await admin.Post($"/api/clients/{clientA}/notes", new { content = "note" })).ShouldSucceed())["id"]!.ToString();
        await (await admin.Put($"/api/clients/{clientA}/custom-fields", new { fields = new { F = "v" } })).ShouldSucceed();
        var (spareUser, _) = await admin.CreateStaffAsync("technician", clientA);
        var (targetUser, _) = await admin.CreateStaffAsync("technician");

        Callers["anonymous"] = Factory.RemoteApi();
        Callers["device"] = Factory.RemoteApi().WithHeader("x-device-id", deviceA).WithHeader("x-device-secret", secretA);
        Callers["viewer"] = (await admin.CreateStaffAsync("viewer", clientA)).Api;
        Callers["out-of-scope technician"] = (await admin.CreateStaffAsync("technician", clientB)).Api;
        Callers["technician"] = (await admin.CreateStaffAsync("technician", clientA)).Api;
        Callers["admin"] = (await admin.CreateStaffAsync("admin")).Api;
        Callers["superadmin"] = await admin.LoginAsync("admin", PocketItFactory.AdminPassword);

        ValuesInA["clientId"] = clientA.ToString();
        ValuesInA["deviceId"] = deviceA;
        ValuesInA["ticketId"] = ticketA;
        ValuesInA["noteId"] = noteA;
        ValuesInA["fieldName"] = "F";
        ValuesInA["userId"] = spareUser.ToString();
        ValuesInA["targetUserId"] = targetUser.ToString();
    }

    /// <summary>Route values pointing at client A's things.</summary>
    public string PathInA(string route)
    {
        var id = route switch
        {
            _ when route.StartsWith("/api/clients/", StringComparison.Ordinal) => ValuesInA["clientId"],
            _ when route.StartsWith("/api/devices/", StringComparison.Ordinal) => ValuesInA["deviceId"],
            _ when route.StartsWith("/api/tickets/", StringComparison.Ordinal) => ValuesInA["ticketId"],
            _ when route.StartsWith("/api/admin/users/", StringComparison.Ordinal) => ValuesInA["targetUserId"],
            _ => "999999",
        };
        return RoutePaths.Fill(route, new Dictionary<string, string>
        {
            ["id"] = id, ["deviceId"] = ValuesInA["deviceId"], ["noteId"] = ValuesInA["noteId"],
            ["fieldName"] = ValuesInA["fieldName"], ["userId"] = ValuesInA["userId"],
        });
    }

    /// <summary>Routes that name one client's thing: a technician of another client must get 403.</summary>
    public static bool IsClientBound(string route) =>
        route.Contains("{deviceId}") ||
        (route.Contains("{id}") && (route.StartsWith("/api/clients/") || route.StartsWith("/api/devices/") || route.StartsWith("/api/tickets/")));

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}
