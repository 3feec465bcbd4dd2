using PocketIT.SocketIO;

namespace PocketIT.Server.PocketIt.Realtime;

/// <summary>A handler's failure is logged and answered with <c>error_message</c>; it never takes the socket or the server down.</summary>
public static class SafeEvents
{
    public const string ErrorEvent = "error_message";

    public static SocketIONamespace OnSafe(this SocketIONamespace ns, string eventName, Func<SocketIOEvent, IServiceProvider, Task> handler) =>
        ns.On(eventName, async e =>
        {
            var services = e.Socket.Services;
            try
            {
                await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
                await handler(e, scope.ServiceProvider);
            }
            catch (Exception ex)
            {
                services.GetRequiredService<ILoggerFactory>().CreateLogger("PocketIT.Realtime")
                    .LogError(ex, "{Namespace} event {Event} failed", ns.Name, eventName);
                await e.Socket.EmitAsync(ErrorEvent, new { message = $"Could not handle {eventName}" });
            }
        });

    public static ValueTask ErrorAsync(this SocketIOSocket socket, string message) =>
        socket.EmitAsync(ErrorEvent, new { message });
}
