using System.Net.Sockets;
using System.Text;

namespace PocketIT.Agent.LocalChat;

/// <summary>The chat command's connection to the running agent's socket.</summary>
public sealed class LocalChatClient : IAsyncDisposable
{
    private readonly NetworkStream _stream;
    private readonly StreamReader _reader;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    private LocalChatClient(Socket socket)
    {
        _stream = new NetworkStream(socket, ownsSocket: true);
        _reader = new StreamReader(_stream, Encoding.UTF8, leaveOpen: true);
    }

    /// <summary>Connects, or returns null when no agent listens at <paramref name="socketPath"/>.</summary>
    public static async Task<LocalChatClient?> TryConnectAsync(string socketPath, CancellationToken ct)
    {
        if (!File.Exists(socketPath)) return null;
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), ct);
            return new LocalChatClient(socket);
        }
        catch (SocketException)
        {
            socket.Dispose();
            return null;
        }
    }

    public static bool IsListening(string socketPath)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint(socketPath));
            return true;
        }
        catch (SocketException) { return false; }
    }

    /// <summary>The next message from the agent, or null when it hung up.</summary>
    public async Task<LocalMessage?> ReceiveAsync(CancellationToken ct)
    {
        try
        {
            while (await _reader.ReadLineAsync(ct) is { } line)
                if (LocalMessage.TryParse(line) is { } message) return message;
        }
        catch (IOException) { }
        return null;
    }

    /// <summary>Sends a message; an agent that hung up (or refused this account) is reported by the receiving side.</summary>
    public async Task SendAsync(LocalMessage message, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(message.ToJson() + "\n");
        await _writeLock.WaitAsync(ct);
        try { await _stream.WriteAsync(bytes, ct); }
        catch (IOException) { }
        finally { _writeLock.Release(); }
    }

    public async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        await _stream.DisposeAsync();
        _writeLock.Dispose();
    }
}
