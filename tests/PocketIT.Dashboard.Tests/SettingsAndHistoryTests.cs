using Microsoft.Playwright;
using PocketIT.Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PocketIT.Dashboard.Tests;

/// <summary>The admin's Settings form (write-only key, Test button) and the device page's health history and extended profile.</summary>
[Collection(DashboardCollection.Name)]
public sealed class SettingsAndHistoryTests(BrowserFixture fixture)
{
    private const string Key = "sk-abcdefghijklmnop-secret-wxyz";

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..6]}";

    [Fact]
    public async Task An_admin_saves_the_provider_model_and_URL_and_the_key_is_never_shown()
    {
        // A server of its own: the shared one's other tests rely on the built-in assistant.
        await using var server = new DashboardServer();
        var page = await fixture.NewPageAsync(server);
        await page.SignInAsync("admin", DashboardServer.AdminPassword);
        await page.OpenAsync("#/settings");
        await Expect(page.GetByTestId("settings-key-state")).ToHaveTextAsync("not set");

        await page.GetByTestId("settings-provider").SelectOptionAsync("openai");
        await page.GetByTestId("settings-model").FillAsync("gpt-4.1-mini");
        await page.GetByTestId("settings-url").FillAsync("https://llm.example.com/v1");
        await page.GetByTestId("settings-api-key").FillAsync(Key);
        await page.GetByTestId("settings-public-url").FillAsync("https://it.example.com");
        await page.GetByTestId("settings-save").ClickAsync();
        await Expect(page.GetByTestId("settings-form")).ToContainTextAsync("Settings saved");
        await Expect(page.GetByTestId("settings-key-state")).ToHaveTextAsync("set (sk-a****wxyz)");
        await Expect(page.GetByTestId("settings-api-key")).ToHaveValueAsync("");

        await page.ReloadAsync();
        await Expect(page.GetByTestId("settings-provider")).ToHaveValueAsync("openai");
        await Expect(page.GetByTestId("settings-model")).ToHaveValueAsync("gpt-4.1-mini");
        await Expect(page.GetByTestId("settings-url")).ToHaveValueAsync("https://llm.example.com/v1");
        await Expect(page.GetByTestId("settings-public-url")).ToHaveValueAsync("https://it.example.com");
        await Expect(page.GetByTestId("settings-key-state")).ToHaveTextAsync("set (sk-a****wxyz)");
        await Expect(page.GetByTestId("settings-api-key")).ToHaveValueAsync("");
        Assert.DoesNotContain(Key, await page.ContentAsync());
        var config = await server.Get("/api/llm/config");
        Assert.Equal("gpt-4.1-mini", config["model"]!.GetValue<string>());

        // Removing the key, and switching the assistant off, are saved too.
        await page.GetByTestId("settings-clear-key").CheckAsync();
        await page.GetByTestId("settings-ai-enabled").UncheckAsync();
        await page.GetByTestId("settings-save").ClickAsync();
        await Expect(page.GetByTestId("settings-key-state")).ToHaveTextAsync("not set");
        await page.ReloadAsync();
        await Expect(page.GetByTestId("settings-ai-enabled")).Not.ToBeCheckedAsync();
        await Expect(page.GetByTestId("settings-key-state")).ToHaveTextAsync("not set");

        // The server's refusal is shown as its message.
        await page.GetByTestId("settings-public-url").FillAsync("https://it.example.com/?x=1");
        await page.GetByTestId("settings-save").ClickAsync();
        await Expect(page.GetByTestId("settings-form")).ToContainTextAsync("must not have a query or fragment");
    }

    [Fact]
    public async Task The_test_button_shows_the_providers_reply_or_its_error_with_the_time_taken()
    {
        await using var stub = await StubOllama.StartAsync("Hello from the <b>stub</b> model.");
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("admin", DashboardServer.AdminPassword);
        await page.OpenAsync("#/settings");

        await page.GetByTestId("settings-provider").SelectOptionAsync("ollama");
        await page.GetByTestId("settings-model").FillAsync("qwen2.5");
        await page.GetByTestId("settings-url").FillAsync(stub.Url);
        await page.GetByTestId("settings-test").ClickAsync();
        await Expect(page.GetByTestId("settings-test-reply")).ToHaveTextAsync("Hello from the <b>stub</b> model.");
        await Expect(page.GetByTestId("settings-test-result")).ToContainTextAsync("ollama · qwen2.5 answered in");
        Assert.Equal(0, await page.GetByTestId("settings-test-result").Locator("b").CountAsync());

        await page.GetByTestId("settings-url").FillAsync("http://127.0.0.1:1");
        await page.GetByTestId("settings-test").ClickAsync();
        await Expect(page.GetByTestId("settings-test-error")).ToContainTextAsync("Could not reach ollama");
        await Expect(page.GetByTestId("settings-test-result")).ToContainTextAsync("Failed after");

        // Testing saved nothing: the shared server still answers with the built-in assistant.
        Assert.Equal("builtin", (await fixture.Server.Get("/api/settings"))["llm"]!["provider"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_device_page_draws_the_health_history_and_shows_the_extended_profile_as_text()
    {
        var host = Unique("HIST-PC");
        await using var agent = await fixture.Server.ConnectAgentAsync(await fixture.Server.CreateClientAsync(Unique("History Co")), host);
        await agent.EmitAsync("system_profile", new
        {
            cpuModel = "Intel(R) Core(TM) i5-1245U", totalRamGB = 16, totalDiskGB = 512, processorCount = 10,
            osEdition = "Windows 11 Pro", osBuild = "22631.3880", osArchitecture = "64-bit", osDisplayVersion = "23H2",
            biosManufacturer = "LENOVO", biosVersion = "N3AET79W", serialNumber = "<img src=x onerror=alert(1)>SN-42",
            domainJoinType = "Azure AD", formFactor = "Laptop", tpmVersion = "2.0", secureBoot = true, uptimeHours = 26.44,
            loggedInUsers = new[] { "alice", "bob" },
            networkAdapters = new[] { new { Name = "Ethernet", Status = "Up", MacAddress = "00-11-22-33-44-55", Speed = "1 Gbps", IPv4 = "10.0.0.5" } },
        });
        await WaitUntil(async () => (await fixture.Server.Get($"/api/devices/{agent.DeviceId}"))["os_edition"] is not null);

        var page = await fixture.NewPageAsync();
        await page.SignInAsync("admin", DashboardServer.AdminPassword);
        await page.OpenAsync($"#/devices/{agent.DeviceId}");
        await Expect(page.GetByTestId("health-history-empty")).ToBeVisibleAsync();

        var profile = page.GetByTestId("device-profile");
        foreach (var text in new[] { "Windows 11 Pro", "22631.3880", "23H2", "LENOVO N3AET79W", "<img src=x onerror=alert(1)>SN-42", "Azure AD", "Laptop", "2.0", "True", "26.4 hours", "alice, bob" })
            await Expect(profile).ToContainTextAsync(text);
        await Expect(page.GetByTestId("network-adapters")).ToContainTextAsync("00-11-22-33-44-55");
        Assert.Equal(0, await profile.Locator("img").CountAsync());

        await agent.EmitAsync("diagnostic_result", new { checkType = "cpu", status = "ok", results = new { usagePercent = 12 } });
        await Expect(page.GetByTestId("device-health")).ToContainTextAsync("100 / 100");
        await agent.EmitAsync("diagnostic_result", new { checkType = "disk", status = "error", results = new { usedPercent = 99 } });
        await Expect(page.GetByTestId("device-health")).ToContainTextAsync("50 / 100");
        var chart = page.GetByTestId("health-history");
        await Expect(chart.Locator("circle.hist-point")).ToHaveCountAsync(2);
        await Expect(chart).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("2 points, from 50 to 100"));

        await page.ReloadAsync();
        await Expect(page.GetByTestId("health-history").Locator("circle.hist-point")).ToHaveCountAsync(2);
    }

    private static async Task WaitUntil(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TestAgent.Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not come true in time");
            await Task.Delay(100);
        }
    }
}
