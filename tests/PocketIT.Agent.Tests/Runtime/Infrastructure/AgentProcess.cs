using System.Collections.Concurrent;
using System.Diagnostics;

namespace PocketIT.Agent.Tests.Runtime.Infrastructure;

/// <summary>The built <c>pocketit-agent</c> run as a separate process with piped stdin/stdout, as the end-to-end test drives it.</summary>
public sealed class AgentProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly LineExpectations _expectations;

    private AgentProcess(Process process)
    {
        _process = process;
        _expectations = new LineExpectations(() => Lines, "an output line");
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) _lines.Enqueue(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _lines.Enqueue("(stderr) " + e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static AgentProcess Start(params string[] args) => StartVia([], args);

    /// <summary>
    /// As the unprivileged <c>nobody</c> account (uid 65534, no session), through <c>setpriv</c>: only root can
    /// do this, so tests call it only after checking they run as root.
    /// </summary>
    public static AgentProcess StartAsNobody(params string[] args) =>
        StartVia(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "env", "HOME=/tmp", "DOTNET_CLI_HOME=/tmp"], args);

    public const uint NobodyUid = 65534;

    private static AgentProcess StartVia(string[] prefix, string[] args)
    {
        var dll = typeof(PocketIT.Agent.AgentProgram).Assembly.Location;
        var info = new ProcessStartInfo(prefix.Length > 0 ? prefix[0] : "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        foreach (var step in prefix.Skip(1)) info.ArgumentList.Add(step);
        if (prefix.Length > 0) info.ArgumentList.Add("dotnet");
        info.ArgumentList.Add(dll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        return new AgentProcess(Process.Start(info)!);
    }

    public IReadOnlyList<string> Lines => _lines.ToArray();

    public void Type(string line)
    {
        _process.StandardInput.WriteLine(line);
        _process.StandardInput.Flush();
    }

    public void CloseInput() => _process.StandardInput.Close();

    public Task<string> Expect(string prefix, Func<string, bool>? match = null) => _expectations.Expect(prefix, match);

    /// <summary>SIGTERM, as systemd stops a service (Process.Kill would send SIGKILL).</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public async Task<int> ExitCodeAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
