namespace PocketIT.Agent.LocalChat;

/// <summary>Receives the lines the chat UI shows; implemented by the local chat server.</summary>
public interface IChatDisplay
{
    /// <summary>Shows a line to every attached chat session and keeps it for sessions that attach later.</summary>
    void Publish(LocalMessage line);
}

/// <summary>The last lines shown, replayed to a chat session when it attaches.</summary>
public sealed class ChatTranscript(int capacity = 50)
{
    private readonly Queue<LocalMessage> _lines = new();
    private readonly Lock _gate = new();

    public void Add(LocalMessage line)
    {
        lock (_gate)
        {
            _lines.Enqueue(line);
            while (_lines.Count > capacity) _lines.Dequeue();
        }
    }

    /// <summary>Replaces what the server's <c>chat_history</c> covers: the server's copy is authoritative on connect.</summary>
    public void ReplaceWith(IEnumerable<LocalMessage> lines)
    {
        lock (_gate)
        {
            _lines.Clear();
            foreach (var line in lines.TakeLast(capacity)) _lines.Enqueue(line);
        }
    }

    public LocalMessage[] Snapshot()
    {
        lock (_gate) return [.. _lines];
    }
}
