using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PocketIT.Server.Tests.Infrastructure;

namespace PocketIT.Server.Tests.Security;

/// <summary>
/// Throws malformed and hostile bodies at every write endpoint, with each field of its OpenAPI schema
/// given wrong types, empty, huge and odd values. No answer may be a 5xx, and every 4xx is <c>{"error"}</c>.
/// </summary>
public sealed class BodyFuzzTests(RoleMatrixWorld world) : IClassFixture<RoleMatrixWorld>
{
    private const int RandomBodiesPerEndpoint = 40;

    private static readonly string[] MalformedBodies =
    [
        "", "{", "}", "[]", "null", "0", "\"text\"", "{\"a\":}", "{'single':'quotes'}", "{\"a\":1,}",
        new string('[', 200) + new string(']', 200), "{\"a\":\"\\uZZZZ\"}", "\u0000", "{\"__proto__\":{\"admin\":true}}",
    ];

    private static readonly JsonNode?[] HostileValues =
    [
        null, 0, -1, int.MaxValue, long.MaxValue, 1.5e308, -0.0, true, false, "", " ", "\u0000", "a\u0000b",
        "'; DROP TABLE clients; --", "<script>alert(1)</script>", "𝕏 ünïcödé 🙂", "../../etc/passwd", "%00",
        new string('x', 20_000), new JsonArray(), new JsonArray(1, "a", null), new JsonObject(),
        new JsonObject { ["nested"] = new JsonObject { ["deep"] = new JsonArray(1, 2) } }, "2024-13-45T99:99:99Z", "999999999999999999999",
    ];

    [Fact]
    public async Task No_write_endpoint_answers_5xx_to_any_body()
    {
        var admin = world.Factory.Api();
        var schema = await (await admin.Get("/openapi/pocketit.json")).ShouldSucceed();
        var random = new Random(20261126);
        var failures = new List<string>();

        foreach (var endpoint in EndpointCatalog.Api(world.Factory).Where(e => e.IsWrite && e.ToString() != "POST /api/admin/auto-login"))
        {
            var path = world.PathInA(endpoint.Route);
            var fields = FieldNames(schema, endpoint);
            var bodies = MalformedBodies.Concat(Enumerable.Range(0, RandomBodiesPerEndpoint).Select(_ => RandomBody(fields, random)));
            foreach (var body in bodies)
            {
                var response = await admin.Send(new HttpMethod(endpoint.Method), path, body);
                var problem = await Check(response);
                if (problem is not null) failures.Add($"{endpoint} with {Shorten(body)} → {problem}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
    }

    [Fact]
    public async Task Hostile_route_values_never_answer_5xx()
    {
        var admin = world.Factory.Api();
        string[] values = ["0", "-1", "99999999999", "abc", "1.5", "%01", "%2e%2e", new string('9', 300), "%F0%9F%99%82"];
        var failures = new List<string>();
        foreach (var endpoint in EndpointCatalog.Api(world.Factory).Where(e => e.Route.Contains('{')))
        {
            foreach (var value in values)
            {
                var path = RoutePaths.Fill(endpoint.Route, RoutePaths.Names(endpoint.Route).ToDictionary(n => n, _ => "PLACEHOLDER"))
                    .Replace("PLACEHOLDER", value);
                var response = await admin.Http.SendAsync(new HttpRequestMessage(new HttpMethod(endpoint.Method), path)
                {
                    Content = endpoint.IsWrite ? TestApi.Json(new { }) : null,
                });
                if (await Check(response) is { } problem) failures.Add($"{endpoint} with {value} → {problem}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
    }

    private static async Task<string?> Check(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        if (status >= 500) return $"{status} {text}";
        if (status < 400) return null;
        try
        {
            return JsonNode.Parse(text)?["error"] is JsonValue ? null : $"{status} without an error field: {text}";
        }
        catch (JsonException)
        {
            return $"{status} with a non-JSON body: {text}";
        }
    }

    private static List<string> FieldNames(JsonNode schema, ApiEndpoint endpoint)
    {
        var operation = schema["paths"]?[endpoint.Route]?[endpoint.Method.ToLowerInvariant()];
        var body = operation?["requestBody"]?["content"]?["application/json"]?["schema"];
        var reference = body?["$ref"]?.GetValue<string>();
        if (reference is not null) body = schema["components"]?["schemas"]?[reference.Split('/')[^1]];
        return body?["properties"]?.AsObject().Select(p => p.Key).ToList() ?? [];
    }

    private static string RandomBody(List<string> fields, Random random)
    {
        var body = new JsonObject();
        foreach (var field in fields.Append("unexpected_field"))
        {
            if (random.Next(4) == 0) continue; // sometimes missing
            var value = HostileValues[random.Next(HostileValues.Length)];
            body[field] = value?.DeepClone();
        }
        return body.ToJsonString();
    }

    private static string Shorten(string body) => body.Length > 120 ? body[..120] + "…" : body;
}
