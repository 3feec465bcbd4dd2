using System.Diagnostics;

namespace PocketIT.Setup;

/// <summary>Runs a system tool with an argument list (never a shell string) and fails clearly when it fails.</summary>
internal static class ProcessRunner
{
    public static int Run(string fileName, IEnumerable<string> arguments, bool throwOnFailure = true)
    {
        var start = new ProcessStartInfo(fileName) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new SetupException($"Cannot start {fileName}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 && throwOnFailure)
            throw new SetupException($"{fileName} {string.Join(' ', start.ArgumentList)} failed ({process.ExitCode}): {(error + output.Result).Trim()}");
        return process.ExitCode;
    }
}
