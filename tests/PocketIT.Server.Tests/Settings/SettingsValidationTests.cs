using System.Net;
using PocketIT.Server.Tests.Infrastructure;

namespace PocketIT.Server.Tests.Settings;

public sealed class SettingsValidationTests(PocketItFactory factory) : IClassFixture<PocketItFactory>
{
    public static TheoryData<string, string> BadBodies => new()
    {
        { """{"llm":{"provider":"skynet"}}""", "'llm.provider' must be one of" },
        { """{"llm":{"provider":5}}""", "'llm.provider' must be a string" },
        { """{"llm":{"model":"%MODEL%"}}""", "'llm.model' must be at most 100" },
        { """{"llm":{"model":"a\u0007b"}}""", "'llm.model' must be at most 100 printable" },
        { """{"llm":{"model":12}}""", "'llm.model' must be a string or null" },
        { """{"llm":{"url":"ftp://files.example.com"}}""", "'llm.url' must be an absolute http or https URL" },
        { """{"llm":{"url":"not a url"}}""", "'llm.url' must be an absolute http or https URL" },
        { """{"llm":{"url":"https://x.example.com/%LONG%"}}""", "'llm.url' must be at most 500" },
        { """{"llm":{"apiKey":"%KEY%"}}""", "'llm.apiKey' must be at most 500" },
        { """{"llm":"openai"}""", "'llm' must be an object" },
        { """{"llm":{"url":"https://user:secret@llm.example.com"}}""", "'llm.url' must not contain a user name or password" },
        { """{"server":{"publicUrl":"https://user:secret@it.example.com"}}""", "'server.publicUrl' must not contain a user name or password" },
        { """{"ai":{"enabled":"false"}}""", "'ai.enabled' must be true or false" },
        { """{"ai":true}""", "'ai' must be an object" },
        { """{"server":{"publicUrl":"https://it.example.com/?a=1"}}""", "'server.publicUrl' must not have a query or fragment" },
        { """{"server":{"publicUrl":"https://it.example.com/#top"}}""", "'server.publicUrl' must not have a query or fragment" },
        { """{"server":{"publicUrl":"javascript:alert(1)"}}""", "'server.publicUrl' must be an absolute http or https URL" },
        { """{"server":{"publicUrl":true}}""", "'server.publicUrl' must be a string or null" },
        { """{}""", "Nothing to update" },
        { """{"unknown":1}""", "Nothing to update" },
        { """[]""", "The body must be a JSON object" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_input_is_a_400_with_a_message(string body, string expected)
    {
        body = body.Replace("%MODEL%", new string('m', 101)).Replace("%LONG%", new string('p', 500)).Replace("%KEY%", new string('k', 501));
        var message = await (await factory.Api().Send(HttpMethod.Put, "/api/settings", body)).ShouldFail(HttpStatusCode.BadRequest);
        Assert.Contains(expected, message);
    }

    [Theory]
    [InlineData("{\"llm\":")]
    [InlineData("not json")]
    public async Task Malformed_json_is_a_400(string body)
    {
        await (await factory.Api().Send(HttpMethod.Put, "/api/settings", body)).ShouldFail(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task One_bad_field_writes_nothing()
    {
        var body = """{"llm":{"provider":"openai","model":"gpt-4o"},"ai":{"enabled":false},"server":{"publicUrl":"not a url"}}""";
        await (await factory.Api().Send(HttpMethod.Put, "/api/settings", body)).ShouldFail(HttpStatusCode.BadRequest);
        var settings = await (await factory.Api().Get("/api/settings")).ShouldSucceed();
        Assert.Equal("builtin", settings["llm"]!["provider"]!.GetValue<string>());
        Assert.True(settings["ai"]!["enabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Claude_cli_accepts_an_executable_path_others_do_not()
    {
        var other = await (await factory.Api().Put("/api/settings", new { llm = new { provider = "openai", url = "/usr/local/bin/claude" } })).ShouldFail(HttpStatusCode.BadRequest);
        Assert.Contains("http", other);
        var test = await (await factory.Api().Post("/api/settings/llm/test", new { provider = "claude-cli", url = "relative/claude" })).ShouldFail(HttpStatusCode.BadRequest);
        Assert.Contains("absolute path", test);
    }

    [Theory]
    [InlineData("""{"provider":"skynet"}""", "'provider' must be one of")]
    [InlineData("""{"url":"gopher://x"}""", "'url' must be an absolute http")]
    [InlineData("""{"apiKey":7}""", "'apiKey' must be a string or null")]
    [InlineData("""[1]""", "The body must be a JSON object")]
    public async Task Test_endpoint_rejects_bad_overrides(string body, string expected)
    {
        var message = await (await factory.Api().Send(HttpMethod.Post, "/api/settings/llm/test", body)).ShouldFail(HttpStatusCode.BadRequest);
        Assert.Contains(expected, message);
    }
}
