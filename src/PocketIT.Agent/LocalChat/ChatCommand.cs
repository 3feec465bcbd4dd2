using PocketIT.Agent.Approval;

namespace PocketIT.Agent.LocalChat;

/// <summary>
/// <c>pocketit-agent chat</c>: a line-based chat a person or a program can drive. Output lines start with
/// <c>assistant&gt; </c>, <c>it&gt; </c>, <c>system&gt; </c> or <c>you&gt; </c>. Earlier messages are shown
/// first; the line <c>system&gt; Connected to the Pocket IT agent ...</c> follows them and marks the live chat.
/// A question is one line <c>approve? ... [y/N]</c>; the next input line answers it (<c>y</c>/<c>yes</c>
/// approves, anything else declines). A bare y/yes/n/no typed while no question is open waits for the next
/// question, so a script can pipe its answers ahead. Other lines go to the assistant. <c>/quit</c> exits with 0;
/// end of input exits with 0 once the agent has been quiet for a moment (so the last outcome is shown); the
/// agent going away exits with 1; no agent running exits with 2; an account the agent does not chat with
/// (see <see cref="Peers.ChatPeerPolicy"/>) exits with 3.
/// </summary>
public sealed class ChatCommand(TextReader input, TextWriter output)
{
    public const int ExitAgentGone = 1, ExitNoAgent = 2, ExitRefused = 3;
    private volatile bool _refused;
    private readonly PromptQueue _prompts = new();
    private readonly HashSet<string> _answeredHere = [];
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _promptShown = new(0);
    private long _lastOutputTicks = DateTime.UtcNow.Ticks;
    public static readonly TimeSpan AnswerWait = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan QuietBeforeExit = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan MaxLingerAfterInput = TimeSpan.FromMinutes(1);

    public Task<int> RunAsync(string socketPath, CancellationToken ct) => RunAsync([socketPath], ct);

    /// <summary>
    /// Chats through the first of <paramref name="socketPaths"/> an agent answers on: the data folder's socket
    /// (an agent run by this account), then the shared one (an agent run as a system service).
    /// </summary>
    public async Task<int> RunAsync(IReadOnlyList<string> socketPaths, CancellationToken ct)
    {
        await using var client = await ConnectAsync(socketPaths, ct);
        if (client is null)
        {
            Write("system> The Pocket IT agent is not running (no agent at " + string.Join(" or ", socketPaths) + "). Start it first: pocketit-agent"
                + " (an agent another user started can only be reached from that account; ask IT if the Pocket IT service should be running).");
            return ExitNoAgent;
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var receiving = ReceiveAsync(client, stop.Token);
        var typing = Task.Run(() => TypeAsync(client, stop.Token), stop.Token);
        var first = await Task.WhenAny(receiving, typing);
        await stop.CancelAsync();
        if (_refused) return ExitRefused;
        if (first == receiving && !ct.IsCancellationRequested)
        {
            Write("system> The agent stopped; the chat is closed.");
            return ExitAgentGone;
        }
        return 0;
    }

    private static async Task<LocalChatClient?> ConnectAsync(IReadOnlyList<string> socketPaths, CancellationToken ct)
    {
        foreach (var path in socketPaths.Distinct())
            if (await LocalChatClient.TryConnectAsync(path, ct) is { } client) return client;
        return null;
    }

    private async Task ReceiveAsync(LocalChatClient client, CancellationToken ct)
    {
        try
        {
            while (await client.ReceiveAsync(ct) is { } message) Show(message);
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>Reads typed lines until end of input or <c>/quit</c>.</summary>
    private async Task TypeAsync(LocalChatClient client, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested && await input.ReadLineAsync(ct) is { } line)
        {
            line = line.Trim();
            if (line is "/quit" or "/exit") return;
            var answering = TakeOpenQuestion();
            if (answering is null && IsAnswerWord(line)) answering = await NextQuestionAsync(ct);
            if (answering is not null)
                await client.SendAsync(new LocalMessage { Type = "answer", Id = answering, Approved = PromptQueue.IsYes(line) }, ct);
            else if (line == "/status")
                await client.SendAsync(new LocalMessage { Type = "status" }, ct);
            else if (line.Length > 0)
                await client.SendAsync(new LocalMessage { Type = "chat", Text = line }, ct);
        }
        await LingerAsync(ct);
    }

    private static bool IsAnswerWord(string line) => line.ToLowerInvariant() is "y" or "yes" or "n" or "no";

    /// <summary>The open question's id, marked as answered here; null when none is open.</summary>
    private string? TakeOpenQuestion()
    {
        lock (_gate)
        {
            var id = _prompts.Head?.Id;
            if (id is not null && !_answeredHere.Add(id)) id = null; // already answered, awaiting its close
            return id;
        }
    }

    private async Task<string?> NextQuestionAsync(CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + AnswerWait;
        while (DateTime.UtcNow < deadline)
        {
            if (TakeOpenQuestion() is { } id) return id;
            try { await _promptShown.WaitAsync(deadline - DateTime.UtcNow, ct); }
            catch (OperationCanceledException) { return null; }
        }
        return null;
    }

    /// <summary>After end of input, waits until the agent has been quiet for a moment, so replies in flight are shown.</summary>
    private async Task LingerAsync(CancellationToken ct)
    {
        var until = DateTime.UtcNow + MaxLingerAfterInput;
        while (DateTime.UtcNow < until && DateTime.UtcNow - new DateTime(Interlocked.Read(ref _lastOutputTicks)) < QuietBeforeExit)
        {
            try { await Task.Delay(200, ct); }
            catch (OperationCanceledException) { return; }
        }
    }

    private void Show(LocalMessage message)
    {
        switch (message.Type)
        {
            case "hello":
                Write($"system> Connected to the Pocket IT agent (device {TerminalText.Line(message.DeviceId)}; server {(message.Connected == true ? "online" : "offline, reconnecting")}). Type a message; /quit to leave.");
                break;
            case "status":
                Write($"system> device {TerminalText.Line(message.DeviceId)}; server {(message.Connected == true ? "online" : "offline, reconnecting")}");
                break;
            case "line":
                WriteLines(Prefix(message.Sender) + (message.Name is { Length: > 0 } name ? $"[{TerminalText.Line(name)}] " : ""), message.Text);
                break;
            case "refused":
                _refused = true;
                Write("system> " + TerminalText.Line(message.Text));
                break;
            case "approval" when message.Id is not null:
                lock (_gate)
                    if (_prompts.Add(message.Id, TerminalText.Line(message.Text))) ShowQuestion(TerminalText.Line(message.Text));
                break;
            case "approval_closed" when message.Id is not null:
                lock (_gate)
                {
                    var next = _prompts.Remove(message.Id, out var wasHead);
                    if (wasHead && !_answeredHere.Remove(message.Id))
                        Write(message.Approved == true ? "system> (approved elsewhere)" : "system> (no longer waiting for an answer)");
                    if (next is { } n) ShowQuestion(n.Question);
                }
                break;
        }
    }

    private static string Prefix(string? sender) => sender switch
    {
        "assistant" => "assistant> ",
        "it" => "it> ",
        "you" => "you> ",
        _ => "system> ",
    };

    private void WriteLines(string prefix, string? text)
    {
        var lines = TerminalText.Lines(text).Split('\n');
        lock (_gate)
            foreach (var line in lines) Write(prefix + line);
    }

    private void ShowQuestion(string question)
    {
        Write(PromptQueue.Format(question));
        _promptShown.Release();
    }

    private void Write(string line)
    {
        Interlocked.Exchange(ref _lastOutputTicks, DateTime.UtcNow.Ticks);
        lock (output)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }
}
