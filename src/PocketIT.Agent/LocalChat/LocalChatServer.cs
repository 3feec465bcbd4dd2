using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PocketIT.Agent.Approval;
using PocketIT.Agent.Connection;
using PocketIT.Agent.Identity;

namespace PocketIT.Agent.LocalChat;

/// <summary>
/// The agent's side of <c>pocketit-agent chat</c>: a Unix domain socket in the owner-only data folder
/// (socket file 0600 as well), one <see cref="ChatSession"/> per connection, shown the <see cref="ChatBoard"/>
/// and asked the pending approval questions.
/// </summary>
public sealed class LocalChatServer(string socketPath, ChatBoard board, ApprovalBroker broker, IServerLink server, ILogger<LocalChatServer> log)
    : BackgroundService
{
    private Socket? _listener;

    /// <summary>Binds the socket; throws when another agent is already listening on it.</summary>
    public void Bind()
    {
        ChatSocketPath.PrepareFolder(socketPath);
        if (File.Exists(socketPath))
        {
            if (LocalChatClient.IsListening(socketPath))
                throw new InvalidOperationException($"Another pocketit-agent is already running (it listens on {socketPath}).");
            File.Delete(socketPath); // left behind by an agent that did not stop cleanly
        }
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(socketPath));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(socketPath, OwnerOnlyFiles.FileMode);
        listener.Listen(8);
        _listener = listener;
        log.LogInformation("Chat sessions: pocketit-agent chat (listening on {Path})", socketPath);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_listener is null) Bind();
        var sessions = new List<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var socket = await _listener!.AcceptAsync(stoppingToken);
                sessions.Add(ServeAsync(socket, stoppingToken));
                sessions.RemoveAll(t => t.IsCompleted);
            }
        }
        catch (OperationCanceledException) { }
        finally
        {
            _listener?.Dispose();
            try { File.Delete(socketPath); } catch (IOException) { }
            await Task.WhenAll(sessions).WaitAsync(TimeSpan.FromSeconds(2)).ContinueWith(_ => { });
        }
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
