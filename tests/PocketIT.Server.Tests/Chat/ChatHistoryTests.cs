using System.Net;
using PocketIT.Server.Core.Devices;
using PocketIT.Server.Tests.Devices;
using PocketIT.Server.Tests.Infrastructure;

namespace PocketIT.Server.Tests.Chat;

public sealed class ChatHistoryTests(PocketItFactory factory) : IClassFixture<PocketItFactory>
{
    private static readonly DateTime Start = new(2024, 1, 15, 14, 20, 0, DateTimeKind.Utc);

    /// <summary>A device with <paramref name="count"/> user-channel messages "m0".."mN", one a second.</summary>
    private async Task<(int ClientId, string DeviceId)> DeviceWithChatAsync(int count)
    {
        var api = factory.Api();
        var clientId = await api.CreateClientAsync();
        var (deviceId, _) = await api.EnrollDeviceAsync(clientId);
        await factory.AddChatAsync(Enumerable.Range(0, count).Select(i => new ChatMessage
        {
            DeviceId = deviceId, Sender = i % 2 == 0 ? "user" : "ai", Content = "m" + i, CreatedAt = Start.AddSeconds(i),
        }).ToArray());
        return (clientId, deviceId);
    }

    private static List<string> Contents(System.Text.Json.Nodes.JsonNode body) =>
        body.AsArray().Select(m => m!["content"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task History_rows_have_exactly_the_documented_fields()
    {
        var (_, deviceId) = await DeviceWithChatAsync(0);
        await factory.AddChatAsync(new ChatMessage
        {
            DeviceId = deviceId, Sender = "ai", SenderName = "Casey", Content = "Let me run a network diagnostic.",
            MessageType = "diagnose", Metadata = "{\"type\":\"diagnose\",\"checkType\":\"network\"}", CreatedAt = Start,
        });

        var row = Assert.Single((await (await factory.Api().Get($"/api/chat/{deviceId}/history")).ShouldSucceed()).AsArray())!;

        Assert.Equal(new HashSet<string> { "id", "device_id", "sender", "content", "message_type", "metadata", "created_at" }, row.Keys());
        Assert.Equal(deviceId, row["device_id"]!.GetValue<string>());
        Assert.Equal("ai", row["sender"]!.GetValue<string>());
        Assert.Equal("diagnose", row["message_type"]!.GetValue<string>());
        Assert.Equal("{\"type\":\"diagnose\",\"checkType\":\"network\"}", row["metadata"]!.GetValue<string>());
        Assert.Equal("2024-01-15T14:20:00.000Z", row["created_at"]!.GetValue<string>());
    }

    [Fact]
    public async Task Default_page_is_the_newest_50_oldest_first()
    {
        var (_, deviceId) = await DeviceWithChatAsync(60);

        var contents = Contents(await (await factory.Api().Get($"/api/chat/{deviceId}/history")).ShouldSucceed());

        Assert.Equal(Enumerable.Range(10, 50).Select(i => "m" + i), contents);
    }

    [Fact]
    public async Task Limit_and_offset_page_back_from_the_newest()
    {
        var (_, deviceId) = await DeviceWithChatAsync(30);

        var page = Contents(await (await factory.Api().Get($"/api/chat/{deviceId}/history?limit=10&offset=5")).ShouldSucceed());

        Assert.Equal(Enumerable.Range(15, 10).Select(i => "m" + i), page);
        Assert.Empty((await (await factory.Api().Get($"/api/chat/{deviceId}/history?offset=100")).ShouldSucceed()).AsArray());
    }

    [Fact]
    public async Task Limit_is_capped_at_500()
    {
        var (_, deviceId) = await DeviceWithChatAsync(510);

        var page = Contents(await (await factory.Api().Get($"/api/chat/{deviceId}/history?limit=100000")).ShouldSucceed());

        Assert.Equal(500, page.Count);
        Assert.Equal("m509", page[^1]);
    }

    [Theory]
    [InlineData("limit=abc")]
    [InlineData("limit=-1")]
    [InlineData("offset=-5")]
    [InlineData("offset=1.5")]
    [InlineData("limit=99999999999999")]
    public async Task Non_numeric_or_negative_paging_is_400(string query)
    {
        var (_, deviceId) = await DeviceWithChatAsync(1);
        await (await factory.Api().Get($"/api/chat/{deviceId}/history?{query}")).ShouldFail(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Technician_guidance_messages_are_never_returned()
    {
        var (_, deviceId) = await DeviceWithChatAsync(2);
        await factory.AddChatAsync(new ChatMessage
        {
            DeviceId = deviceId, Sender = "ai", Content = "secret guidance", Channel = "it_guidance", CreatedAt = Start.AddMinutes(5),
        });

        var contents = Contents(await (await factory.Api().Get($"/api/chat/{deviceId}/history")).ShouldSucceed());

        Assert.Equal(new[] { "m0", "m1" }, contents);
    }

    [Fact]
    public async Task Another_devices_messages_are_not_mixed_in()
    {
        var (_, first) = await DeviceWithChatAsync(3);
        await DeviceWithChatAsync(4);
        Assert.Equal(3, (await (await factory.Api().Get($"/api/chat/{first}/history")).ShouldSucceed()).AsArray().Count);
    }

    [Fact]
    public async Task Unknown_device_is_404()
    {
        await (await factory.Api().Get("/api/chat/no-such-device/history")).ShouldFail(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Technician_cannot_read_another_clients_chat()
    {
        var (_, deviceId) = await DeviceWithChatAsync(2);
        var (_, _, tech) = await factory.StaffAsync("technician", await factory.Api().CreateClientAsync());

        Assert.Equal("Not in scope", await (await tech.Get($"/api/chat/{deviceId}/history")).ShouldFail(HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task Viewer_reads_chat_of_an_assigned_client()
    {
        var (clientId, deviceId) = await DeviceWithChatAsync(2);
        var (_, _, viewer) = await factory.StaffAsync("viewer", clientId);

        Assert.Equal(2, (await (await viewer.Get($"/api/chat/{deviceId}/history")).ShouldSucceed()).AsArray().Count);
    }

    [Fact]
    public async Task Anonymous_remote_caller_gets_401()
    {
        var (_, deviceId) = await DeviceWithChatAsync(1);
        await (await factory.RemoteApi().Get($"/api/chat/{deviceId}/history")).ShouldFail(HttpStatusCode.Unauthorized);
    }
}
