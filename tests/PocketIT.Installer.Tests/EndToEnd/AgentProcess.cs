using System.Diagnostics;

namespace PocketIT.Installer.Tests.EndToEnd;

/// <summary>The published <c>pocketit-agent</c> started from the folder an installer ZIP was unpacked into.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AgentProcess : IDisposable
{
    private AgentProcess(Process process)
    {
        Process = process;
        Output = new LineReader(process);
    }

    public Process Process { get; }
    public LineReader Output { get; }

    /// <summary>Starts <c>./pocketit-agent [args]</c> in <paramref name="folder"/>, its input a pipe, as a user's script would.</summary>
    public static AgentProcess Start(string folder, params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(folder, "pocketit-agent"))
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return new AgentProcess(Process.Start(start)!);
    }

    public Task TypeAsync(string line) => Process.StandardInput.WriteLineAsync(line);

    /// <summary>SIGTERM, as systemd or Ctrl+C would stop it, then waits for the exit.</summary>
    public async Task StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", Process.Id.ToString()])) await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Process.WaitForExitAsync(timeout.Token);
    }

    public void Dispose()
    {
        if (!Process.HasExited) Process.Kill(entireProcessTree: true);
        Process.Dispose();
    }
}
