using System.Net;
using PocketIT.Server.Core.Identity;
using PocketIT.Server.Tests.Infrastructure;

namespace PocketIT.Server.Tests.Security;

/// <summary>Walks every endpoint as every role and checks the answer against the endpoint's declared policy.</summary>
public sealed class RoleMatrixTests(RoleMatrixWorld world) : IClassFixture<RoleMatrixWorld>
{
    /// <summary>
    /// auto-login's rule is "loopback only", and enrollment status answers only the holder of the device secret:
    /// neither rule is a role, and each has its own tests.
    /// </summary>
    private static readonly HashSet<string> OwnRules = ["POST /api/admin/auto-login", "GET /api/enrollment/status/{deviceId}"];

    [Theory]
    [InlineData("anonymous")]
    [InlineData("device")]
    [InlineData("viewer")]
    [InlineData("out-of-scope technician")]
    [InlineData("technician")]
    [InlineData("admin")]
    [InlineData("superadmin")]
    public async Task Every_endpoint_answers_each_role_as_its_policy_says(string role)
    {
        var caller = world.Callers[role];
        var failures = new List<string>();
        foreach (var endpoint in EndpointCatalog.Api(world.Factory).Where(e => !OwnRules.Contains(e.ToString())))
        {
            var expected = Expect(role, endpoint);
            var response = await caller.Http.SendAsync(new HttpRequestMessage(new HttpMethod(endpoint.Method), world.PathInA(endpoint.Route))
            {
                Content = endpoint.IsWrite ? TestApi.Json(new { }) : null,
            });
            var status = response.StatusCode;
            var ok = expected is null
                ? status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && (int)status < 500
                : status == expected;
            if (!ok) failures.Add($"{endpoint}: expected {(expected is null ? "allowed" : ((int)expected).ToString())}, got {(int)status} {await response.Content.ReadAsStringAsync()}");
        }
        Assert.True(failures.Count == 0, $"{role}:\n" + string.Join("\n", failures));
    }

    /// <summary>Null means "let through" (any status but 401, 403 and 5xx); otherwise the refusal expected.</summary>
    private static HttpStatusCode? Expect(string role, ApiEndpoint endpoint)
    {
        if (endpoint.Anonymous) return null;
        if (role == "anonymous") return HttpStatusCode.Unauthorized;
        var staffRole = role switch { "out-of-scope technician" => Roles.Technician, _ => role };
        var allowed = endpoint.Policy switch
        {
            Policies.Staff => Roles.IsStaff(staffRole),
            Policies.StaffWrite => Roles.Writers.Contains(staffRole),
            Policies.Admin => Roles.Admins.Contains(staffRole),
            Policies.StaffWriteOrDevice => Roles.Writers.Contains(staffRole) || staffRole == Roles.Device,
            _ => false,
        };
        if (!allowed) return HttpStatusCode.Forbidden;
        if (role == "out-of-scope technician" && RoleMatrixWorld.IsClientBound(endpoint.Route)) return HttpStatusCode.Forbidden;
        return null;
    }
}
