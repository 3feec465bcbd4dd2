using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PocketIT.Agent.Approval;
using PocketIT.Agent.Connection;
using PocketIT.Agent.Identity;
using PocketIT.Agent.LocalChat.Peers;

namespace PocketIT.Agent.LocalChat;

/// <summary>
/// The agent's side of <c>pocketit-agent chat</c>: a Unix domain socket in the owner-only data folder (socket
/// file 0600 as well) and, when configured (an agent running as root, see <see cref="SharedChatSocket"/>), a
/// shared socket any account can reach whose connections are authorised by the peer's uid. One
/// <see cref="ChatSession"/> per connection, shown the <see cref="ChatBoard"/> and asked the pending approvals.
/// </summary>
public sealed class LocalChatServer(
    string socketPath, string? sharedSocketPath, ChatBoard board, ApprovalBroker broker, IServerLink server, ILogger<LocalChatServer> log,
    Func<uint?, PeerVerdict>? authorise = null)
    : BackgroundService
{
    /// <summary>The real rule: <see cref="ChatPeerPolicy"/> with the agent's uid and the current session users.</summary>
    public static PeerVerdict AuthoriseBySession(uint? peerUid) =>
        ChatPeerPolicy.Decide(peerUid, UnixAccount.EffectiveUid() ?? UnixAccount.RootUid, SessionUsers.Current());

    private Socket? _listener;
    private Socket? _sharedListener;

    /// <summary>
    /// Binds the sockets; throws when another agent is already listening. A shared socket that cannot be set up (its
    /// folder is not to be trusted, no permission) is left out (logged): the agent still works for its own account.
    /// </summary>
    public void Bind()
    {
        ChatSocketPath.PrepareFolder(socketPath);
        _listener = Listen(socketPath, OwnerOnlyFiles.FileMode);
        log.LogInformation("Chat sessions: pocketit-agent chat (listening on {Path})", socketPath);
        if (sharedSocketPath is null || OperatingSystem.IsWindows()) return;
        try
        {
            SharedChatSocket.PrepareFolder(sharedSocketPath);
            _sharedListener = Listen(sharedSocketPath, SharedChatSocket.SocketMode);
            log.LogInformation("Chat sessions for the signed-in user: listening on {Path}", sharedSocketPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SocketException)
        {
            // Another agent on it is fatal (InvalidOperationException, above); anything else costs only the shared chat.
            log.LogError("No chat for the signed-in user on {Path}: {Message}", sharedSocketPath, e.Message);
        }
    }

    private static Socket Listen(string path, UnixFileMode mode)
    {
        if (File.Exists(path))
        {
            if (LocalChatClient.IsListening(path))
                throw new InvalidOperationException($"Another pocketit-agent is already running (it listens on {path}).");
            File.Delete(path); // left behind by an agent that did not stop cleanly
        }
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            listener.Bind(new UnixDomainSocketEndPoint(path));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, mode);
            listener.Listen(8);
            return listener;
        }
        catch
        {
            listener.Dispose();
            throw;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_listener is null) Bind();
        var sessions = new List<Task>();
        try
        {
            var loops = new List<Task> { AcceptAsync(_listener!, authorise: false, sessions, stoppingToken) };
            if (_sharedListener is not null) loops.Add(AcceptAsync(_sharedListener, authorise: true, sessions, stoppingToken));
            await Task.WhenAll(loops);
        }
        finally
        {
            Close(_listener!, socketPath);
            if (_sharedListener is not null) Close(_sharedListener, sharedSocketPath!);
            Task[] open;
            lock (sessions) open = [.. sessions];
            await Task.WhenAll(open).WaitAsync(TimeSpan.FromSeconds(2)).ContinueWith(_ => { });
        }
    }

    private async Task AcceptAsync(Socket listener, bool authorise, List<Task> sessions, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var socket = await listener.AcceptAsync(ct);
                var session = authorise ? ServeIfAllowedAsync(socket, ct) : ServeAsync(socket, ct);
                lock (sessions)
                {
                    sessions.Add(session);
                    sessions.RemoveAll(t => t.IsCompleted);
                }
            }
        }
        catch (OperationCanceledException) { }
    }

    private static void Close(Socket listener, string path)
    {
        listener.Dispose();
        try { File.Delete(path); } catch (IOException) { }
    }

    /// <summary>A connection to the shared socket: chats only when the peer may (see <see cref="ChatPeerPolicy"/>).</summary>
    private async Task ServeIfAllowedAsync(Socket socket, CancellationToken ct)
    {
        var peer = PeerCredentials.UidOf(socket);
        var verdict = (authorise ?? AuthoriseBySession)(peer);
        if (verdict.Allowed)
        {
            log.LogInformation("Chat session from uid {Uid} accepted ({Reason})", peer, verdict.Reason);
            await ServeAsync(socket, ct);
            return;
        }
        log.LogWarning("Chat session from uid {Uid} refused ({Reason})", peer?.ToString() ?? "unknown", verdict.Reason);
        await using var stream = new NetworkStream(socket, ownsSocket: true);
        var refusal = new LocalMessage { Type = "refused", Text = ChatPeerPolicy.RefusalLine(peer) };
        try { await stream.WriteAsync(Encoding.UTF8.GetBytes(refusal.ToJson() + "\n"), ct); }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException) { }
    }

    private async Task ServeAsync(Socket socket, CancellationToken ct)
    {
        await using var session = new ChatSession(socket, broker, server, log);
        board.Attach(session, session.Hello());
        broker.AddSurface(session);
        try { await session.RunAsync(ct); }
        finally
        {
            broker.RemoveSurface(session);
            board.Detach(session);
        }
    }
}
