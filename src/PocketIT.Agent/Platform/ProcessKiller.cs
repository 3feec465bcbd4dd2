using System.ComponentModel;
using System.Diagnostics;

namespace PocketIT.Agent.Platform;

/// <summary>
/// Ends one process by PID. PID 1 (init) and anything at or below it, and the agent itself, are refused: the
/// PID arrives from the network and killing either would take the machine or the support channel down.
/// </summary>
public static class ProcessKiller
{
    public static async Task<ActionOutcome> KillAsync(string? parameter, CancellationToken ct)
    {
        if (!int.TryParse(parameter?.Trim(), out var pid)) return new ActionOutcome(false, "kill_process needs a numeric process id");
        return await KillAsync(pid, ct);
    }

    public static async Task<ActionOutcome> KillAsync(int pid, CancellationToken ct)
    {
        if (pid <= 1) return new ActionOutcome(false, $"Refusing to end process {pid}: it is the system's init process or not a valid id");
        if (pid == Environment.ProcessId) return new ActionOutcome(false, "Refusing to end the Pocket IT agent itself");
        if (OperatingSystem.IsWindows() && pid == 4) return new ActionOutcome(false, "Refusing to end the Windows System process");

        Process process;
        try { process = Process.GetProcessById(pid); }
        catch (ArgumentException) { return new ActionOutcome(false, $"No process with id {pid} is running"); }
        using (process)
        {
            string name;
            try { name = process.ProcessName; }
            catch (InvalidOperationException) { return new ActionOutcome(false, $"Process {pid} has already exited"); }
            try
            {
                process.Kill(entireProcessTree: false);
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
                wait.CancelAfter(TimeSpan.FromSeconds(5));
                try { await process.WaitForExitAsync(wait.Token); }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    return new ActionOutcome(false, $"Asked {name} (PID {pid}) to end, but it is still running after 5 s");
                }
                return new ActionOutcome(true, $"Ended {name} (PID {pid})");
            }
            catch (Win32Exception e) { return new ActionOutcome(false, $"Could not end {name} (PID {pid}): {e.Message}"); }
            catch (InvalidOperationException) { return new ActionOutcome(true, $"{name} (PID {pid}) had already exited"); }
        }
    }
}
