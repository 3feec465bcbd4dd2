namespace PocketIT.Agent.LocalChat;

/// <summary>
/// What the chat UI shows: every line goes to each attached session and into a short transcript that a
/// session attaching later is shown first. One lock orders both, so a line is never lost or shown twice.
/// </summary>
public sealed class ChatBoard : IChatDisplay
{
    private readonly ChatTranscript _transcript = new();
    private readonly List<ChatSession> _sessions = [];
    private readonly Lock _gate = new();

    public int SessionCount { get { lock (_gate) return _sessions.Count; } }

    public void Publish(LocalMessage line)
    {
        lock (_gate)
        {
            _transcript.Add(line);
            foreach (var session in _sessions) session.Send(line);
        }
    }

    /// <summary>
    /// Replays the transcript to the session, then sends <paramref name="greeting"/>, so the greeting marks where
    /// earlier messages end and live ones begin (a program driving the chat can wait for it).
    /// </summary>
    public void Attach(ChatSession session, LocalMessage greeting)
    {
        lock (_gate)
        {
            foreach (var line in _transcript.Snapshot()) session.Send(line);
            session.Send(greeting);
            _sessions.Add(session);
        }
    }

    public void Detach(ChatSession session)
    {
        lock (_gate) _sessions.Remove(session);
    }
}
