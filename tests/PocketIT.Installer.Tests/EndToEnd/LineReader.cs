using System.Diagnostics;
using System.Text;
using System.Threading.Channels;

namespace PocketIT.Installer.Tests.EndToEnd;

/// <summary>
/// A process's output read line by line as it comes, so a test can wait for the line it expects and still show
/// everything that was printed when it fails.
/// </summary>
public sealed class LineReader
{
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly StringBuilder _transcript = new();

    public LineReader(Process process)
    {
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data is null ? null : "[stderr] " + e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Transcript { get { lock (_transcript) return _transcript.ToString(); } }

    private void Add(string? line)
    {
        if (line is null) return;
        lock (_transcript) _transcript.AppendLine(line);
        _lines.Writer.TryWrite(line);
    }

    /// <summary>The next line that matches, skipping the others; fails with the transcript after the timeout.</summary>
    public async Task<string> WaitForAsync(Func<string, bool> match, string what, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            while (true)
            {
                var line = await _lines.Reader.ReadAsync(cts.Token);
                if (match(line)) return line;
            }
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"Timed out waiting for {what}. Output so far:\n{Transcript}");
        }
    }
}
