using System.Diagnostics;

namespace PocketIT.Installer.Tests.EndToEnd;

/// <summary>
/// A process's output recorded line by line as it comes, so a test can wait for the lines it expects (each taken
/// once, in whatever order they were printed: a question may overtake the reply before it) and still show
/// everything that was printed when it fails.
/// </summary>
public sealed class LineReader
{
    private readonly List<string> _lines = [];
    private readonly HashSet<int> _taken = [];

    public LineReader(Process process)
    {
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data is null ? null : "[stderr] " + e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Transcript { get { lock (_lines) return string.Join('\n', _lines); } }

    private void Add(string? line)
    {
        if (line is null) return;
        lock (_lines) _lines.Add(line);
    }

    /// <summary>The first line not taken before that matches; fails with the transcript after the timeout.</summary>
    public async Task<string> WaitForAsync(Func<string, bool> match, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            lock (_lines)
                for (var i = 0; i < _lines.Count; i++)
                    if (!_taken.Contains(i) && match(_lines[i]))
                    {
                        _taken.Add(i);
                        return _lines[i];
                    }
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException($"Timed out waiting for {what}. Output so far:\n{Transcript}");
    }
}
