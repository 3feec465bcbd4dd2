using System.Net;
using Microsoft.EntityFrameworkCore;
using PocketIT.Server.PocketIt.Settings;
using PocketIT.Server.Tests.Devices;
using PocketIT.Server.Tests.Infrastructure;

namespace PocketIT.Server.Tests.Settings;

public sealed class SettingsRoundTripTests(PocketItFactory factory) : IClassFixture<PocketItFactory>
{
    private const string Key = "sk-abcdefghijklmnop-secret-wxyz";

    [Fact]
    public async Task Admin_saves_settings_and_reads_them_back_with_the_key_masked()
    {
        var admin = await factory.Api().LoginAsync("admin", PocketItFactory.AdminPassword);
        var saved = await (await admin.Put("/api/settings", new
        {
            llm = new { provider = "openai", model = "gpt-4.1-mini", url = "https://llm.example.com/v1", apiKey = Key },
            ai = new { enabled = false },
            server = new { publicUrl = "https://it.example.com/" },
        })).ShouldSucceed();
        Assert.DoesNotContain(Key, saved.ToJsonString());

        var response = await admin.Get("/api/settings");
        var text = await response.Content.ReadAsStringAsync();
        var body = await response.ShouldSucceed();
        Assert.DoesNotContain(Key, text);
        Assert.Equal("openai", body["llm"]!["provider"]!.GetValue<string>());
        Assert.Equal("gpt-4.1-mini", body["llm"]!["model"]!.GetValue<string>());
        Assert.Equal("https://llm.example.com/v1", body["llm"]!["url"]!.GetValue<string>());
        Assert.True(body["llm"]!["apiKeySet"]!.GetValue<bool>());
        Assert.Equal("sk-a****wxyz", body["llm"]!["apiKeyMasked"]!.GetValue<string>());
        Assert.False(body["ai"]!["enabled"]!.GetValue<bool>());
        Assert.Equal("https://it.example.com", body["server"]!["publicUrl"]!.GetValue<string>());

        // At rest the key is encrypted, and the audit row names fields, never values.
        var stored = await factory.QueryDbAsync(db => db.ServerSettings.AsNoTracking().ToDictionaryAsync(s => s.Key, s => s.Value));
        Assert.StartsWith("enc:", stored[SettingKeys.LlmApiKey]);
        Assert.DoesNotContain(Key, stored[SettingKeys.LlmApiKey]);
        Assert.Equal("https://it.example.com", stored[SettingKeys.PublicUrl]);
        var audit = await factory.QueryDbAsync(db => db.AuditLog.AsNoTracking().Where(a => a.Action == "settings_updated").ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal("admin", entry.Actor);
        Assert.Contains("llm.apiKey", entry.Details);
        Assert.DoesNotContain(Key, entry.Details);

        // The public config follows at once (no restart) and still never shows the key.
        var configText = await (await factory.RemoteApi().Get("/api/llm/config")).Content.ReadAsStringAsync();
        var config = System.Text.Json.Nodes.JsonNode.Parse(configText)!;
        Assert.Equal("openai", config["provider"]!.GetValue<string>());
        Assert.Equal("gpt-4.1-mini", config["model"]!.GetValue<string>());
        Assert.Equal("https://llm.example.com/v1", config["url"]!.GetValue<string>());
        Assert.DoesNotContain("sk-", configText);
        var models = await (await factory.RemoteApi().Get("/api/llm/models")).ShouldSucceed();
        Assert.Equal("gpt-4.1-mini", models["model"]!.GetValue<string>());

        // Partial update: only the model; an empty key clears it; publicUrl null clears it.
        await (await admin.Put("/api/settings", new { llm = new { model = "gpt-4o", apiKey = "" }, server = new { publicUrl = (string?)null } })).ShouldSucceed();
        body = await (await admin.Get("/api/settings")).ShouldSucceed();
        Assert.Equal("openai", body["llm"]!["provider"]!.GetValue<string>());
        Assert.Equal("gpt-4o", body["llm"]!["model"]!.GetValue<string>());
        Assert.False(body["llm"]!["apiKeySet"]!.GetValue<bool>());
        Assert.Null(body["llm"]!["apiKeyMasked"]);
        Assert.False(body["ai"]!["enabled"]!.GetValue<bool>());
        Assert.Null(body["server"]!["publicUrl"]);

        // A new provider starts from its own default model and URL, not the old provider's.
        await (await admin.Put("/api/settings", new { llm = new { provider = "ollama" }, ai = new { enabled = true } })).ShouldSucceed();
        body = await (await admin.Get("/api/settings")).ShouldSucceed();
        Assert.Equal("ollama", body["llm"]!["provider"]!.GetValue<string>());
        Assert.Equal("llama3.2", body["llm"]!["model"]!.GetValue<string>());
        Assert.Equal("http://localhost:11434", body["llm"]!["url"]!.GetValue<string>());
        Assert.True(body["ai"]!["enabled"]!.GetValue<bool>());
    }

    [Fact]
    public void Short_keys_are_masked_entirely()
    {
        Assert.Equal("****", SecretMask.Mask("sk-short"));
        Assert.Equal("abcd****wxyz", SecretMask.Mask("abcdefghijklmnopqrstuvwxyz"));
        Assert.Null(SecretMask.Mask(null));
    }
}

public sealed class SettingsAccessTests(PocketItFactory factory) : IClassFixture<PocketItFactory>
{
    public static TheoryData<string, string> Endpoints => new()
    {
        { "GET", "/api/settings" },
        { "PUT", "/api/settings" },
        { "POST", "/api/settings/llm/test" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Technicians_and_viewers_get_403_and_anonymous_callers_401(string method, string path)
    {
        var client = await factory.Api().CreateClientAsync();
        var body = new { llm = new { provider = "openai" } };
        foreach (var role in new[] { "technician", "viewer" })
        {
            var (_, _, staff) = await factory.StaffAsync(role, client);
            var refused = await staff.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "GET" ? null : TestApi.Json(body) });
            await refused.ShouldFail(HttpStatusCode.Forbidden);
        }
        var anonymous = await factory.RemoteApi().Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "GET" ? null : TestApi.Json(body) });
        await anonymous.ShouldFail(HttpStatusCode.Unauthorized);

        var settings = await (await factory.Api().Get("/api/settings")).ShouldSucceed();
        Assert.Equal("builtin", settings["llm"]!["provider"]!.GetValue<string>());
    }
}
