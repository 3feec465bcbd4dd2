namespace PocketIT.SocketIO;

/// <summary>Why a socket disconnected, in the words socket.io clients and servers use.</summary>
public static class DisconnectReasons
{
    public const string ServerNamespaceDisconnect = "server namespace disconnect";
    public const string ClientNamespaceDisconnect = "client namespace disconnect";
    public const string ServerShuttingDown = "server shutting down";
    public const string PingTimeout = "ping timeout";
    public const string TransportClose = "transport close";
    public const string TransportError = "transport error";
    public const string ParseError = "parse error";
    public const string ForcedClose = "forced close";
}
