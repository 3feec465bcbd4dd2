using System.Collections.Concurrent;
using System.Text;
using System.Threading.Channels;
using PocketIT.Agent.LocalChat;

namespace PocketIT.Agent.Tests.Runtime.Infrastructure;

/// <summary>
/// <see cref="ChatCommand"/> with its stdin and stdout replaced by a line queue and a line recorder, the way
/// the end-to-end test drives the real process through pipes.
/// </summary>
public sealed class ScriptedChat : IAsyncDisposable
{
    private readonly Channel<string?> _typed = Channel.CreateUnbounded<string?>();
    private readonly LineRecorder _output = new();
    private readonly LineExpectations _expectations;

    private ScriptedChat() => _expectations = new LineExpectations(() => _output.Lines, "a chat line");

    public Task<int> Exit { get; private set; } = Task.FromResult(0);

    public IReadOnlyList<string> Lines => _output.Lines;

    public static ScriptedChat Start(string socketPath) => Start([socketPath]);

    /// <summary>A chat trying <paramref name="socketPaths"/> in order, as the command tries the data folder's socket, then the shared one.</summary>
    public static ScriptedChat Start(IReadOnlyList<string> socketPaths)
    {
        var chat = new ScriptedChat();
        chat.Exit = Task.Run(() => new ChatCommand(new QueuedInput(chat._typed.Reader), chat._output).RunAsync(socketPaths, CancellationToken.None));
        return chat;
    }

    public void Type(string line) => _typed.Writer.TryWrite(line);

    /// <summary>Ends the input, like closing the pipe.</summary>
    public void EndInput() => _typed.Writer.TryWrite(null);

    /// <summary>The first output line starting with <paramref name="prefix"/> not matched by an earlier call, in any order.</summary>
    public Task<string> Expect(string prefix, Func<string, bool>? match = null) => _expectations.Expect(prefix, match);

    public async ValueTask DisposeAsync()
    {
        EndInput();
        await Exit.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private sealed class QueuedInput(ChannelReader<string?> lines) : TextReader
    {
        public override async ValueTask<string?> ReadLineAsync(CancellationToken ct) => await lines.ReadAsync(ct);
        public override string? ReadLine() => ReadLineAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    private sealed class LineRecorder : TextWriter
    {
        private readonly ConcurrentQueue<string> _lines = new();
        public IReadOnlyList<string> Lines => _lines.ToArray();
        public override Encoding Encoding => Encoding.UTF8;
        public override void WriteLine(string? value) => _lines.Enqueue(value ?? "");
        public override void Write(char value) => throw new NotSupportedException("the chat writes whole lines");
    }
}
