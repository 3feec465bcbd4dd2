using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace PocketIT.Agent.Platform;

/// <summary>What a finished (or abandoned) command left behind.</summary>
public sealed record CommandResult(bool Started, int ExitCode, string StdOut, string StdErr, bool TimedOut)
{
    public bool Succeeded => Started && !TimedOut && ExitCode == 0;

    /// <summary>A short, honest reason for a failure, for the user-facing message.</summary>
    public string Failure(string what)
    {
        if (!Started) return $"{what} could not be started: {Trim(StdErr)}";
        if (TimedOut) return $"{what} timed out";
        var detail = Trim(StdErr.Length > 0 ? StdErr : StdOut);
        return detail.Length > 0 ? $"{what} failed (exit {ExitCode}): {detail}" : $"{what} failed (exit {ExitCode})";
    }

    public static string Trim(string text, int max = 400)
    {
        text = text.Trim();
        return text.Length <= max ? text : text[..max] + "…";
    }
}

/// <summary>
/// Runs a program directly (never through a shell; arguments are passed as a list because some come from the
/// network) with a timeout and a cap on captured output, so a chatty or hung tool cannot stall or bloat the agent.
/// </summary>
public static class CommandRunner
{
    public const int DefaultOutputCap = 2 * 1024 * 1024;

    private static readonly string[] ExtraSearchDirs = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];

    public static async Task<CommandResult> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout,
        CancellationToken ct, int outputCap = DefaultOutputCap, IReadOnlyDictionary<string, string>? environment = null, Encoding? outputEncoding = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardOutputEncoding = outputEncoding ?? Encoding.UTF8,
            StandardErrorEncoding = outputEncoding ?? Encoding.UTF8,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // Tools must answer in a parseable, untranslated form.
        start.Environment["LC_ALL"] = "C";
        start.Environment["SYSTEMD_PAGER"] = "";
        start.Environment["PAGER"] = "cat";
        if (environment is not null)
            foreach (var (key, value) in environment) start.Environment[key] = value;

        using var process = new Process { StartInfo = start };
        try
        {
            if (!process.Start()) return new CommandResult(false, -1, "", "the process did not start", false);
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException or PlatformNotSupportedException)
        {
            return new CommandResult(false, -1, "", e.Message, false);
        }
        process.StandardInput.Close();

        var stdout = ReadCappedAsync(process.StandardOutput, outputCap);
        var stderr = ReadCappedAsync(process.StandardError, 64 * 1024);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { } catch (Win32Exception) { }
        }
        // After a kill the pipes close; give the readers a moment rather than waiting on orphaned grandchildren.
        var readers = Task.WhenAll(stdout, stderr);
        await Task.WhenAny(readers, Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None));
        var output = stdout.IsCompletedSuccessfully ? stdout.Result : "";
        var errors = stderr.IsCompletedSuccessfully ? stderr.Result : "";
        ct.ThrowIfCancellationRequested();
        return new CommandResult(true, timedOut ? -1 : process.ExitCode, output, errors, timedOut);
    }

    /// <summary>The full path of a program on PATH (plus the sbin directories a service's PATH may lack), or null.</summary>
    public static string? Find(string program)
    {
        if (Path.IsPathRooted(program)) return File.Exists(program) ? program : null;
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var names = OperatingSystem.IsWindows() ? new[] { program + ".exe", program } : [program];
        foreach (var dir in dirs.Concat(OperatingSystem.IsWindows() ? [] : ExtraSearchDirs))
            foreach (var name in names)
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
        return null;
    }

    private static async Task<string> ReadCappedAsync(StreamReader reader, int cap)
    {
        var text = new StringBuilder();
        var buffer = new char[8192];
        int read;
        // Keep draining past the cap so the child never blocks on a full pipe.
        while ((read = await reader.ReadAsync(buffer, 0, buffer.Length)) > 0)
            if (text.Length < cap) text.Append(buffer, 0, Math.Min(read, cap - text.Length));
        return text.ToString();
    }
}
