using Microsoft.AspNetCore.Http;

namespace PocketIT.SocketIO.Engine;

/// <summary>The error bodies Engine.IO servers answer with, so clients can tell the cause apart.</summary>
internal static class EngineErrors
{
    public static readonly (int Code, string Message) UnknownTransport = (0, "Transport unknown");
    public static readonly (int Code, string Message) UnknownSid = (1, "Session ID unknown");
    public static readonly (int Code, string Message) BadHandshakeMethod = (2, "Bad handshake method");
    public static readonly (int Code, string Message) BadRequest = (3, "Bad request");
    public static readonly (int Code, string Message) Forbidden = (4, "Forbidden");
    public static readonly (int Code, string Message) UnsupportedProtocolVersion = (5, "Unsupported protocol version");

    public static Task WriteAsync(HttpContext context, (int Code, string Message) error, int status = StatusCodes.Status400BadRequest)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync($"{{\"code\":{error.Code},\"message\":\"{error.Message}\"}}");
    }
}
