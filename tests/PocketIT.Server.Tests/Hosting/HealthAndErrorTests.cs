using System.Net;
using PocketIT.Server.Tests.Infrastructure;

namespace PocketIT.Server.Tests.Hosting;

public sealed class HealthAndErrorTests(PocketItFactory factory) : IClassFixture<PocketItFactory>
{
    [Fact]
    public async Task Health_answers_the_documented_body_to_anyone()
    {
        var body = await (await factory.RemoteApi().Get("/health")).ShouldSucceed();
        Assert.Equal("ok", body["status"]!.GetValue<string>());
        Assert.Equal("pocket-it", body["service"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_api_path_answers_404_json()
    {
        var message = await (await factory.Api().Get("/api/no-such-thing")).ShouldFail(HttpStatusCode.NotFound);
        Assert.Equal("Not found", message);
    }

    [Fact]
    public async Task Root_redirects_to_the_dashboard()
    {
        var response = await factory.Api().Get("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dashboard/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Non_numeric_id_is_a_400_naming_the_parameter()
    {
        var message = await (await factory.Api().Get("/api/clients/abc")).ShouldFail(HttpStatusCode.BadRequest);
        Assert.Contains("'id' must be a number", message);
    }

    [Fact]
    public async Task Malformed_json_is_a_400()
    {
        var response = await factory.Api().Send(HttpMethod.Post, "/api/clients", "{\"name\": ");
        Assert.Contains("Invalid JSON", await response.ShouldFail(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Wrong_json_type_is_a_400_naming_the_field()
    {
        var response = await factory.Api().Send(HttpMethod.Post, "/api/clients", "{\"name\": 42}");
        Assert.Contains("'name' must be a string", await response.ShouldFail(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Oversized_body_is_a_413()
    {
        var huge = "{\"name\": \"" + new string('x', 200 * 1024) + "\"}";
        await (await factory.Api().Send(HttpMethod.Post, "/api/clients", huge)).ShouldFail(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Wrong_content_type_is_a_415()
    {
        await (await factory.Api().Send(HttpMethod.Post, "/api/clients", "name=x", "text/plain")).ShouldFail(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Openapi_document_and_docs_ui_are_served()
    {
        var doc = await (await factory.Api().Get("/openapi/pocketit.json")).ShouldSucceed();
        Assert.NotNull(doc["paths"]!["/api/clients"]);
        var ui = await factory.Api().Get("/docs/");
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
        Assert.Contains("<html", await ui.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
