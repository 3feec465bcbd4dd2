using System.Runtime.Versioning;
using System.Text;
using System.Text.Json;

namespace PocketIT.Agent.Platform.Windows;

/// <summary>
/// Runs fixed PowerShell scripts. The script text is a constant sent as -EncodedCommand, and any value that came
/// from the network is handed over in a PKIT_* environment variable the script reads as data ($env:PKIT_NAME), so
/// nothing received can ever become PowerShell code.
/// </summary>
[SupportedOSPlatform("windows")]
public static class PowerShell
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public static string Executable =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.System), "WindowsPowerShell", "v1.0", "powershell.exe");

    public static Task<CommandResult> RunAsync(string script, CancellationToken ct, IReadOnlyDictionary<string, string>? parameters = null,
        TimeSpan? timeout = null)
    {
        // Errors as text on stderr, and UTF-8 output so names with accents survive.
        var prologue = "$ErrorActionPreference='Stop';$ProgressPreference='SilentlyContinue';[Console]::OutputEncoding=[Text.Encoding]::UTF8;\n";
        var encoded = Convert.ToBase64String(Encoding.Unicode.GetBytes(prologue + script));
        return CommandRunner.RunAsync(Executable, ["-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass", "-EncodedCommand", encoded],
            timeout ?? DefaultTimeout, ct, environment: parameters);
    }

    /// <summary>Runs a script ending in ConvertTo-Json and returns its output as a list (PowerShell emits a bare object for one item).</summary>
    public static async Task<(List<JsonElement>? Items, string? Error)> JsonListAsync(string script, CancellationToken ct,
        IReadOnlyDictionary<string, string>? parameters = null, TimeSpan? timeout = null)
    {
        var run = await RunAsync(script, ct, parameters, timeout);
        if (!run.Succeeded) return (null, run.Failure("PowerShell"));
        return (WindowsJson.List(run.StdOut), null);
    }
}
