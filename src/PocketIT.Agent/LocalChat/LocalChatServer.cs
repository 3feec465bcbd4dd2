using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PocketIT.Agent.Approval;
using PocketIT.Agent.Connection;
using PocketIT.Agent.Identity;

namespace PocketIT.Agent.LocalChat;

/// <summary>
/// The agent's side of <c>pocketit-agent chat</c>: a Unix domain socket in the owner-only data folder
/// (socket file 0600 as well), one <see cref="ChatSession"/> per connection. Lines for the chat UI are
/// broadcast to every session and kept in a short transcript for the next one.
/// </summary>
public sealed class LocalChatServer(string socketPath, ApprovalBroker broker, IServerLink server, ILogger<LocalChatServer> log)
    : BackgroundService, IChatDisplay
{
    private readonly ChatTranscript _transcript = new();
    private readonly List<ChatSession> _sessions = [];
    private readonly Lock _gate = new();
    private Socket? _listener;

    public ChatTranscript Transcript => _transcript;

    public int SessionCount { get { lock (_gate) return _sessions.Count; } }

    public void Publish(LocalMessage line)
    {
        _transcript.Add(line);
        ChatSession[] sessions;
        lock (_gate) sessions = [.. _sessions];
        foreach (var session in sessions) session.Send(line);
    }

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
        await session.SendAsync(session.Hello());
        foreach (var line in _transcript.Snapshot()) await session.SendAsync(line);
        lock (_gate) _sessions.Add(session);
        broker.AddSurface(session);
        try { await session.RunAsync(ct); }
        finally
        {
            broker.RemoveSurface(session);
            lock (_gate) _sessions.Remove(session);
        }
    }
}
