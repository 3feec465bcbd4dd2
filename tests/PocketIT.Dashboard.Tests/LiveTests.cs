using Microsoft.Playwright;
using PocketIT.Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PocketIT.Dashboard.Tests;

/// <summary>The dashboard on the server's <c>/it</c> namespace, with a device agent connected on <c>/agent</c>.</summary>
[Collection(DashboardCollection.Name)]
public sealed class LiveTests(BrowserFixture fixture)
{
    private DashboardServer Server => fixture.Server;

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..6]}";

    [Fact]
    public async Task On_the_device_page_an_admin_and_a_connected_end_user_chat_live_with_the_assistant_answering()
    {
        var host = Unique("CHAT-PC");
        await using var agent = await Server.ConnectAgentAsync(await Server.CreateClientAsync(Unique("Chat Co")), host);

        var page = await fixture.NewPageAsync();
        await page.SignInAsync("admin", DashboardServer.AdminPassword);
        await page.OpenAsync($"#/devices/{agent.DeviceId}");
        await Expect(page.GetByTestId("device-hostname")).ToHaveTextAsync(host);
        await Expect(page.GetByTestId("live-state")).ToHaveTextAsync("Live");
        await Expect(page.GetByTestId("live-unavailable")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("device-status")).ToHaveTextAsync("Online");
        var chat = page.GetByTestId("chat-log");

        // End user → IT: the message and the built-in assistant's reply, with its action, appear without a reload.
        await agent.EmitAsync("chat_message", new { content = "my internet is slow" });
        await Expect(chat.Locator("[data-sender=user]")).ToContainTextAsync("my internet is slow");
        var reply = chat.Locator("[data-sender=ai]");
        await Expect(reply).ToContainTextAsync("Assistant action: Diagnose (network)");
        var aiText = (await agent.WaitFor("chat_response", d => d.GetProperty("sender").GetString() == "ai")).GetProperty("text").GetString()!;
        await Expect(reply.Locator(".msg-body")).ToHaveTextAsync(aiText);

        // IT → end user: the agent receives it as the technician's words, and the page shows it as sent.
        const string words = "Hi, I'm looking at your <b>network</b> now.";
        await page.GetByTestId("chat-input").FillAsync(words);
        await page.GetByTestId("chat-send").ClickAsync();
        var spoken = await agent.WaitFor("chat_response", d => d.GetProperty("sender").GetString() == "it_tech");
        Assert.Equal(words, spoken.GetProperty("text").GetString());
        await Expect(chat.Locator("[data-sender=it_tech]")).ToContainTextAsync(words);
        await Expect(page.GetByTestId("chat-input")).ToHaveValueAsync("");

        // The end user answers the technician; the assistant stays quiet while a technician is chatting.
        await agent.EmitAsync("chat_message", new { content = "thanks, <i>that</i> helps" });
        await Expect(chat.Locator("[data-sender=user]").Last).ToContainTextAsync("thanks, <i>that</i> helps");
        await Expect(chat.Locator("li.msg")).ToHaveCountAsync(4);
        Assert.Equal(0, await chat.Locator("b, i").CountAsync());

        // The diagnosis the assistant asked for comes back: the health score changes on the open page.
        await Expect(page.GetByTestId("device-health")).ToContainTextAsync("Not scanned");
        await agent.EmitAsync("diagnostic_result", new { checkType = "network", status = "ok", results = new { internetReachable = true, pingMs = 18, dnsWorking = true } });
        await Expect(page.GetByTestId("device-health")).ToContainTextAsync("100 / 100");
        await Expect(page.GetByTestId("diagnostics")).ToContainTextAsync("Network");

        await agent.DisconnectAsync();
        await Expect(page.GetByTestId("device-status")).ToHaveTextAsync("Offline");
    }

    [Fact]
    public async Task The_fleet_shows_a_device_going_offline_when_its_agent_disconnects_and_online_when_it_returns()
    {
        var host = Unique("GONE-PC");
        var client = await Server.CreateClientAsync(Unique("Presence Co"));
        var (deviceId, secret) = await Server.EnrollWithSecretAsync(client, host);
        var agent = await TestAgent.ConnectAsync(Server, deviceId, secret, host);

        var page = await fixture.NewPageAsync();
        await page.SignInAsync("admin", DashboardServer.AdminPassword);
        await page.GetByTestId("fleet-search").FillAsync(host);
        var row = page.GetByTestId("device-rows").Locator("tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Online");
        await Expect(page.GetByTestId("live-state")).ToHaveTextAsync("Live");

        await agent.DisposeAsync();
        await Expect(row).ToContainTextAsync("Offline");

        await using var back = await TestAgent.ConnectAsync(Server, deviceId, secret, host);
        await Expect(row).ToContainTextAsync("Online");
    }

    [Fact]
    public async Task A_ticket_the_assistant_opens_appears_on_the_open_tickets_page()
    {
        var host = Unique("TICKET-PC");
        await using var agent = await Server.ConnectAgentAsync(await Server.CreateClientAsync(Unique("Ticket Co")), host);
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("admin", DashboardServer.AdminPassword);
        await page.OpenAsync("#/tickets");
        await Expect(page.GetByTestId("live-state")).ToHaveTextAsync("Live");
        var rows = page.GetByTestId("ticket-rows").Locator("tr", new() { HasText = host });
        await Expect(rows).ToHaveCountAsync(0);

        await agent.EmitAsync("chat_message", new { content = "my internet is slow" });
        await agent.WaitFor("diagnostic_request");
        await agent.EmitAsync("diagnostic_result", new { checkType = "network", status = "ok", results = new { internetReachable = true, pingMs = 18, dnsWorking = true } });
        var followUp = await agent.WaitFor("chat_response", d => d.TryGetProperty("action", out var a) && a.ValueKind == System.Text.Json.JsonValueKind.Object
            && a.GetProperty("type").GetString() == "ticket");
        var ticketId = followUp.GetProperty("action").GetProperty("ticketId").GetInt32();

        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows).ToContainTextAsync($"#{ticketId}");
    }
}
