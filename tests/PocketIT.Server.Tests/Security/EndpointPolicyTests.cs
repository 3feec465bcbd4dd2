using System.Net;
using PocketIT.Server.Core.Identity;
using PocketIT.Server.Tests.Infrastructure;

namespace PocketIT.Server.Tests.Security;

public sealed class EndpointPolicyTests(NoBypassFactory factory) : IClassFixture<NoBypassFactory>
{
    /// <summary>What the document lets anyone call; everything else needs a token when the bypass is off.</summary>
    public static readonly HashSet<string> PublicEndpoints =
    [
        "GET /health",
        "POST /api/enrollment/enroll",
        "GET /api/enrollment/status/{deviceId}",
        "GET /api/installer/package",
        "POST /api/admin/login",
        "POST /api/admin/verify-2fa",
        "POST /api/admin/2fa/setup",
        "POST /api/admin/2fa/confirm",
        "POST /api/admin/auto-login",
        "GET /api/llm/config",
        "GET /api/llm/models",
    ];

    private static readonly string[] KnownPolicies = [Policies.Staff, Policies.StaffWrite, Policies.Admin, Policies.StaffWriteOrDevice];

    [Fact]
    public void Every_endpoint_declares_who_may_call_it()
    {
        var undeclared = EndpointCatalog.All(factory).Where(e => !e.Anonymous && !KnownPolicies.Contains(e.Policy)).ToList();
        Assert.True(undeclared.Count == 0, "endpoints without a declared policy: " + string.Join(", ", undeclared));
    }

    [Fact]
    public void Only_the_documented_public_endpoints_allow_anonymous_callers()
    {
        var anonymous = EndpointCatalog.Api(factory).Where(e => e.Anonymous).Select(e => e.ToString()).ToHashSet();
        Assert.True(anonymous.SetEquals(PublicEndpoints),
            $"unexpected: {string.Join(", ", anonymous.Except(PublicEndpoints))}; missing: {string.Join(", ", PublicEndpoints.Except(anonymous))}");
    }

    [Fact]
    public async Task Without_the_bypass_every_other_endpoint_answers_401_even_from_loopback()
    {
        var api = factory.Api();
        var failures = new List<string>();
        foreach (var endpoint in EndpointCatalog.Api(factory).Where(e => !e.Anonymous))
        {
            var path = RoutePaths.Fill(endpoint.Route, RoutePaths.Placeholders);
            var response = await api.Http.SendAsync(new HttpRequestMessage(new HttpMethod(endpoint.Method), path)
            {
                Content = endpoint.IsWrite ? TestApi.Json(new { }) : null,
            });
            if (response.StatusCode != HttpStatusCode.Unauthorized) failures.Add($"{endpoint} → {(int)response.StatusCode}");
        }
        Assert.True(failures.Count == 0, "answered without a token: " + string.Join("; ", failures));
    }

    [Fact]
    public async Task Without_the_bypass_public_endpoints_still_answer()
    {
        var api = factory.Api();
        await (await api.Get("/health")).ShouldSucceed();
        await (await api.Get("/api/llm/config")).ShouldSucceed();
        await (await api.Get("/api/llm/models")).ShouldSucceed();
        await (await api.Post("/api/admin/login", new { username = "admin", password = PocketItFactory.AdminPassword })).ShouldSucceed();
        await (await api.Post("/api/admin/auto-login")).ShouldFail(HttpStatusCode.Forbidden);
    }
}
