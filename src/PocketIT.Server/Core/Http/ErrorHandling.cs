using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace PocketIT.Server.Core.Http;

/// <summary>
/// Turns whatever escapes an endpoint into the face's error format: bad bodies become a 400 (or 413)
/// that says what was wrong; anything else is logged and answered with a plain 500 body.
/// </summary>
public sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, message) = Describe(exception);
        if (status >= 500) logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
        if (context.Response.HasStarted) return false;
        await ApiErrors.Write(context, status, message);
        return true;
    }

    private static (int, string) Describe(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is JsonException json)
                return (400, "Invalid JSON body: " + JsonMessage(json));
            if (e is BadHttpRequestException bad)
            {
                if (bad.StatusCode == 413) return (413, "Request body too large");
                if (bad.InnerException is not JsonException) return (bad.StatusCode, BindingMessage(bad.Message));
            }
        }
        return (500, "Internal server error");
    }

    /// <summary>Minimal-API binding messages name .NET types; rephrase the common ones.</summary>
    private static string BindingMessage(string message)
    {
        var parameter = BindFailure().Match(message);
        if (parameter.Success)
            return $"'{parameter.Groups["name"].Value}' must be {(parameter.Groups["type"].Value is "int" or "long" ? "a number" : "valid")}";
        if (message.StartsWith("Implicit body inferred", StringComparison.Ordinal) || message.StartsWith("Required parameter", StringComparison.Ordinal))
            return "Request body is required";
        return message;
    }

    [System.Text.RegularExpressions.GeneratedRegex("""^Failed to bind parameter "(?<type>[\w?]+) (?<name>\w+)" from""")]
    private static partial System.Text.RegularExpressions.Regex BindFailure();

    /// <summary>System.Text.Json names the .NET type; say the field and what was expected instead.</summary>
    private static string JsonMessage(JsonException e)
    {
        var path = e.Path is { Length: > 2 } p ? p[2..] : null;
        if (e.Message.StartsWith("Expected a string", StringComparison.Ordinal))
            return path is null ? e.Message : $"'{path}' must be a string";
        if (e.Message.Contains("could not be converted", StringComparison.Ordinal) && path is not null)
            return $"'{path}' has the wrong type";
        return path is null ? "malformed JSON" : $"malformed JSON near '{path}'";
    }
}
