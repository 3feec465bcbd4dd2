namespace PocketIT.SocketIO;

/// <summary>Given to namespace middleware before a socket joins. Call <see cref="Reject"/> (or throw
/// <see cref="SocketIOConnectException"/>) to refuse it with a CONNECT_ERROR.</summary>
public sealed class SocketIOConnectContext
{
    internal SocketIOConnectContext(SocketIOSocket socket) => Socket = socket;

    /// <summary>The socket about to connect; set its <see cref="SocketIOSocket.Data"/> or join rooms here.</summary>
    public SocketIOSocket Socket { get; }
    public SocketIOHandshake Handshake => Socket.Handshake;
    public SocketIONamespace Namespace => Socket.Namespace;
    public IServiceProvider Services => Socket.Services;

    internal string? RejectMessage { get; private set; }
    internal object? RejectData { get; private set; }

    public void Reject(string message, object? data = null)
    {
        RejectMessage = message;
        RejectData = data;
    }
}

/// <summary>Thrown by middleware to refuse a connection; the client receives the message and data.</summary>
public sealed class SocketIOConnectException(string message, object? data = null) : Exception(message)
{
    public object? ErrorData { get; } = data;
}

/// <summary>The client did not acknowledge in time.</summary>
public sealed class SocketIOAckTimeoutException(string message) : TimeoutException(message);

/// <summary>The socket disconnected before the client acknowledged.</summary>
public sealed class SocketIODisconnectedException(string reason) : Exception($"The socket disconnected ({reason}).")
{
    public string Reason { get; } = reason;
}
