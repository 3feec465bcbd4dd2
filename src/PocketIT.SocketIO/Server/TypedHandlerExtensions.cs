namespace PocketIT.SocketIO;

/// <summary>
/// Typed event handlers: the first argument is deserialized to <c>T</c>; a returned value is sent
/// as the acknowledgement when the client asked for one.
/// </summary>
public static class TypedHandlerExtensions
{
    public static SocketIONamespace On<T>(this SocketIONamespace ns, string eventName, Func<SocketIOSocket, T?, Task> handler) =>
        ns.On(eventName, e => handler(e.Socket, e.Get<T>(0)));

    public static SocketIONamespace On<T, TResult>(this SocketIONamespace ns, string eventName, Func<SocketIOSocket, T?, Task<TResult>> handler) =>
        ns.On(eventName, e => AckWithResult(e, handler(e.Socket, e.Get<T>(0))));

    public static SocketIOSocket On<T>(this SocketIOSocket socket, string eventName, Func<T?, Task> handler) =>
        socket.On(eventName, e => handler(e.Get<T>(0)));

    public static SocketIOSocket On<T, TResult>(this SocketIOSocket socket, string eventName, Func<T?, Task<TResult>> handler) =>
        socket.On(eventName, e => AckWithResult(e, handler(e.Get<T>(0))));

    private static async Task AckWithResult<TResult>(SocketIOEvent e, Task<TResult> result)
    {
        var value = await result.ConfigureAwait(false);
        if (e.HasAck) await e.AckAsync(value).ConfigureAwait(false);
    }
}
