using PocketIT.Agent.Approval;

namespace PocketIT.Agent.LocalChat;

/// <summary>
/// <c>pocketit-agent chat</c>: a line-based chat a person or a program can drive. Output lines start with
/// <c>assistant&gt; </c>, <c>it&gt; </c>, <c>system&gt; </c> or <c>you&gt; </c>; a question is one line
/// <c>approve? ... [y/N]</c> and the next input line answers it. Earlier messages are shown first; the line
/// <c>system&gt; Connected to the Pocket IT agent ...</c> follows them and marks the start of the live chat (<c>y</c>/<c>yes</c> approves, anything else
/// declines). Other input lines are sent to the assistant. <c>/quit</c> or end of input exits with 0; the
/// agent going away exits with 1; no agent running exits with 2.
/// </summary>
public sealed class ChatCommand(TextReader input, TextWriter output)
{
    public const int ExitAgentGone = 1, ExitNoAgent = 2;
    private readonly PromptQueue _prompts = new();
    private readonly HashSet<string> _answeredHere = [];
    private readonly Lock _gate = new();

    public async Task<int> RunAsync(string socketPath, CancellationToken ct)
    {
        await using var client = await LocalChatClient.TryConnectAsync(socketPath, ct);
        if (client is null)
        {
            Write("system> The Pocket IT agent is not running (no agent at " + socketPath + "). Start it first: pocketit-agent"
                + " (an agent running under another account can only be reached from that account).");
            return ExitNoAgent;
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var receiving = ReceiveAsync(client, stop.Token);
        var typing = Task.Run(() => TypeAsync(client, stop.Token), stop.Token);
        var first = await Task.WhenAny(receiving, typing);
        await stop.CancelAsync();
        if (first == receiving && !ct.IsCancellationRequested)
        {
            Write("system> The agent stopped; the chat is closed.");
            return ExitAgentGone;
        }
        return 0;
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
            string? answering;
            lock (_gate)
            {
                answering = _prompts.Head?.Id;
                if (answering is not null) _answeredHere.Add(answering);
            }
            if (answering is not null)
                await client.SendAsync(new LocalMessage { Type = "answer", Id = answering, Approved = PromptQueue.IsYes(line) }, ct);
            else if (line == "/status")
                await client.SendAsync(new LocalMessage { Type = "status" }, ct);
            else if (line.Length > 0)
                await client.SendAsync(new LocalMessage { Type = "chat", Text = line }, ct);
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
            case "approval" when message.Id is not null:
                lock (_gate)
                    if (_prompts.Add(message.Id, TerminalText.Line(message.Text))) Write(PromptQueue.Format(TerminalText.Line(message.Text)));
                break;
            case "approval_closed" when message.Id is not null:
                lock (_gate)
                {
                    var next = _prompts.Remove(message.Id, out var wasHead);
                    if (wasHead && !_answeredHere.Remove(message.Id))
                        Write(message.Approved == true ? "system> (approved elsewhere)" : "system> (no longer waiting for an answer)");
                    if (next is { } n) Write(PromptQueue.Format(n.Question));
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

    private void Write(string line)
    {
        lock (output)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }
}
