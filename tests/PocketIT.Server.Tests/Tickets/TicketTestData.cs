using PocketIT.Server.Tests.Infrastructure;

namespace PocketIT.Server.Tests.Tickets;

public static class TicketTestData
{
    /// <summary>A client with one enrolled device and one ticket on it, opened over the bypass.</summary>
    public static async Task<(int ClientId, string DeviceId, int TicketId)> TicketAsync(this PocketItFactory factory, string title = "Printer jammed")
    {
        var api = factory.Api();
        var clientId = await api.CreateClientAsync();
        var (deviceId, _) = await api.EnrollDeviceAsync(clientId);
        var created = await (await api.Post("/api/tickets", new { device_id = deviceId, title })).ShouldSucceed();
        return (clientId, deviceId, created["id"]!.GetValue<int>());
    }
}
