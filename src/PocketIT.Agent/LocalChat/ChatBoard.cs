namespace PocketIT.Agent.LocalChat;

/// <summary>
/// What the chat UI shows: every line goes to each attached session and into a short transcript that a
/// session attaching later is shown first.
/// </summary>
public sealed class ChatBoard : IChatDisplay
{
    private readonly ChatTranscript _transcript = new();
    private readonly List<ChatSession> _sessions = [];
    private readonly Lock _gate = new();

    public int SessionCount { get { lock (_gate) return _sessions.Count; } }

    public void Publish(LocalMessage line)
    {
        _transcript.Add(line);
        foreach (var session in Sessions()) session.Send(line);
    }

    /// <summary>Adds a session after replaying the transcript to it.</summary>
    public async Task AttachAsync(ChatSession session)
    {
        foreach (var line in _transcript.Snapshot()) await session.SendAsync(line);
        lock (_gate) _sessions.Add(session);
    }

    public void Detach(ChatSession session)
    {
        lock (_gate) _sessions.Remove(session);
    }

    private ChatSession[] Sessions()
    {
        lock (_gate) return [.. _sessions];
    }
}
