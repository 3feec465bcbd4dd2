namespace PocketIT.Server.Core.Http;

/// <summary>The Pocket IT error body: <c>{"error": "..."}</c>.</summary>
public sealed record ErrorBody(string Error);

public static class ApiErrors
{
    public static IResult BadRequest(string message) => Result(StatusCodes.Status400BadRequest, message);
    public static IResult Unauthorized(string message) => Result(StatusCodes.Status401Unauthorized, message);
    public static IResult Forbidden(string message) => Result(StatusCodes.Status403Forbidden, message);
    public static IResult NotFound(string message) => Result(StatusCodes.Status404NotFound, message);
    public static IResult Conflict(string message) => Result(StatusCodes.Status409Conflict, message);
    public static IResult NotInScope() => Forbidden("Not in scope");

    public static IResult TooManyRequests(string message, TimeSpan retryAfter) =>
        new RetryAfterResult(Result(StatusCodes.Status429TooManyRequests, message), retryAfter);

    public static IResult Result(int status, string message) => Results.Json(new ErrorBody(message), statusCode: status);

    public static Task Write(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new ErrorBody(message));
    }

    private sealed class RetryAfterResult(IResult inner, TimeSpan retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
            return inner.ExecuteAsync(context);
        }
    }
}

/// <summary>A successful write with nothing else to say: <c>{"success": true}</c>.</summary>
public sealed record SuccessBody(bool Success = true)
{
    public static readonly SuccessBody Instance = new();
}
