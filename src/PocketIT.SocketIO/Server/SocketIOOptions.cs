using System.Text.Json;
using PocketIT.SocketIO.Adapter;
using PocketIT.SocketIO.Engine;

namespace PocketIT.SocketIO;

/// <summary>Settings of one Socket.IO server, plus its namespaces.</summary>
public sealed class SocketIOOptions : EngineIOOptions
{
    internal readonly List<(string Name, Action<SocketIONamespace> Configure)> NamespaceSetups = new();

    /// <summary>How long a new connection may take to join its first namespace.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>How long <see cref="SocketIOSocket.EmitWithAckAsync"/> waits for the client unless told otherwise.</summary>
    public TimeSpan AckTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The most binary attachments one packet may announce.</summary>
    public int MaxAttachments { get; set; } = 64;

    /// <summary>How event arguments are (de)serialized. byte[] values travel as binary attachments.</summary>
    public JsonSerializerOptions JsonSerializerOptions { get; set; } = new(JsonSerializerDefaults.Web);

    /// <summary>Creates the adapter of each namespace; the default keeps rooms in this process.</summary>
    public Func<SocketIONamespace, ISocketIOAdapter> AdapterFactory { get; set; } = ns => new InMemoryAdapter(ns);

    /// <summary>Declares a namespace. Clients can only join declared namespaces ("/" always exists).</summary>
    public SocketIOOptions Namespace(string name, Action<SocketIONamespace> configure)
    {
        NamespaceSetups.Add((name, configure));
        return this;
    }
}
