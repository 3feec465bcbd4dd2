namespace PocketIT.Agent.Approval;

/// <summary>
/// Approval questions in the agent's own terminal when it runs interactively in the foreground: printed as
/// <c>approve? ... [y/N]</c>, answered by the next line typed. Only used when stdin is a terminal.
/// </summary>
public sealed class TerminalApprovals(ApprovalBroker broker, TextReader input, TextWriter output) : IApprovalSurface
{
    private readonly PromptQueue _queue = new();
    private readonly Lock _gate = new();
    private Thread? _reader;

    public void Start()
    {
        _reader = new Thread(ReadLines) { IsBackground = true, Name = "terminal approvals" };
        _reader.Start();
        broker.AddSurface(this);
    }

    public void Show(string id, string question)
    {
        lock (_gate)
            if (_queue.Add(id, question)) output.WriteLine(PromptQueue.Format(question));
    }

    public void Closed(string id, bool approved)
    {
        lock (_gate)
        {
            var next = _queue.Remove(id, out var wasHead);
            if (next is { } n) output.WriteLine(PromptQueue.Format(n.Question));
        }
    }

    private void ReadLines()
    {
        while (input.ReadLine() is { } line)
        {
            string? id;
            lock (_gate) id = _queue.Head?.Id;
            if (id is not null) broker.Answer(id, PromptQueue.IsYes(line));
        }
        broker.RemoveSurface(this);
    }
}
