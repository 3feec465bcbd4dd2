using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using PocketIT.Server.Core.Http;

namespace PocketIT.Server.Core.Identity;

/// <summary>Refusals in the face's own format: <c>{"error": "..."}</c> with a reason a person can act on.</summary>
public sealed class AuthErrorResponder : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Challenged)
        {
            var reason = context.Items[AuthSchemes.FailureItemKey] as string ?? "Authentication required";
            var status = context.Items[AuthSchemes.FailureStatusItemKey] as int? ?? StatusCodes.Status401Unauthorized;
            await ApiErrors.Write(context, status, reason);
            return;
        }
        if (result.Forbidden)
        {
            await ApiErrors.Write(context, StatusCodes.Status403Forbidden, ForbiddenReason(context, policy));
            return;
        }
        await _default.HandleAsync(next, context, policy, result);
    }

    private static string ForbiddenReason(HttpContext context, AuthorizationPolicy policy)
    {
        var roles = policy.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).ToHashSet();
        if (roles.SetEquals(Roles.Admins)) return "Admin role required";
        if (context.User.FindFirst(StaffClaims.Role)?.Value == Roles.Viewer) return "Viewers have read-only access";
        return "Forbidden";
    }
}
