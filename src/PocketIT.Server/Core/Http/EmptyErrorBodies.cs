using Microsoft.AspNetCore.Diagnostics;

namespace PocketIT.Server.Core.Http;

/// <summary>Gives bodiless error statuses (unmatched routes, wrong methods) the JSON error format.</summary>
public static class EmptyErrorBodies
{
    public static Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var message = http.Response.StatusCode switch
        {
            404 => "Not found",
            405 => "Method not allowed",
            415 => "Content-Type must be application/json",
            _ => "Request failed",
        };
        return ApiErrors.Write(http, http.Response.StatusCode, message);
    }
}
