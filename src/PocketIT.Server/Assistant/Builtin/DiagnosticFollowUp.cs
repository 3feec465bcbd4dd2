using System.Globalization;
using System.Text.Json;

namespace PocketIT.Server.Assistant.Builtin;

/// <summary>
/// What the built-in assistant says once the diagnostic it asked for comes back: a fix the user can approve
/// when the results point at one, otherwise a ticket, because guessing further would waste the user's time.
/// </summary>
public static class DiagnosticFollowUp
{
    public static string Reply(string checkType, string status, JsonElement results, string complaint)
    {
        var healthy = status == "ok";
        return checkType switch
        {
            "network" when status == "error" =>
                "The network check couldn't reach the internet at all. Repairing the network connection usually fixes this; please approve it when asked. [ACTION:REMEDIATE:repair_network]",
            "network" when !healthy =>
                $"Your connection is slow or name lookups are failing{Ping(results)}. Flushing the DNS cache often helps; please approve it when asked. [ACTION:REMEDIATE:flush_dns]",
            "network" =>
                $"Your connection looks healthy from this PC{Ping(results)}, so the slowness is probably further away. I've opened a ticket so a technician can look at the network. [ACTION:TICKET:medium:Slow internet with a healthy local connection|{complaint}]",
            "disk" when !healthy =>
                "Your drive is nearly full. Clearing temporary files is safe and usually frees several gigabytes; please approve it when asked. [ACTION:REMEDIATE:clear_temp]",
            "disk" =>
                $"Your drives have enough free space, so that isn't the problem. I've opened a ticket so a technician can take a closer look. [ACTION:TICKET:low:Disk problem not explained by free space|{complaint}]",
            "services" =>
                "Restarting the print spooler clears stuck print jobs and fixes most printing problems; please approve it when asked. [ACTION:REMEDIATE:restart_spooler]",
            "event_log" when !healthy =>
                "The event log shows system errors. A system file check can repair damaged Windows files; please approve it when asked. [ACTION:REMEDIATE:sfc_scan]",
            "event_log" =>
                $"The event log shows no recent system errors, so I can't pin this down from here. I've opened a ticket for a technician. [ACTION:TICKET:medium:Crashes without logged errors|{complaint}]",
            "top_processes" when HeaviestProcess(results) is { } heavy =>
                $"{heavy.Name} is using a lot of resources ({heavy.Why}). Closing it should speed things up; please save your work and approve it when asked. [ACTION:REMEDIATE:kill_process:{heavy.Pid.ToString(CultureInfo.InvariantCulture)}]",
            "top_processes" =>
                $"No single program is hogging your PC, so this needs a closer look. I've opened a ticket for a technician. [ACTION:TICKET:low:Slow computer without an obvious cause|{complaint}]",
            _ => healthy
                ? $"The {checkType} check came back fine."
                : $"The {checkType} check reported a {status}. I've opened a ticket so a technician can look at it. [ACTION:TICKET:medium:{checkType} check reported {status}|{complaint}]",
        };
    }

    private static string Ping(JsonElement results) =>
        results.ValueKind == JsonValueKind.Object && results.TryGetProperty("pingMs", out var ping) && ping.TryGetDouble(out var ms)
            ? $" (ping {ms.ToString("0", CultureInfo.InvariantCulture)} ms)"
            : "";

    /// <summary>The worst process over the client's own thresholds (50 % CPU or 2048 MB), if any.</summary>
    private static (string Name, int Pid, string Why)? HeaviestProcess(JsonElement results)
    {
        if (results.ValueKind != JsonValueKind.Object || !results.TryGetProperty("processes", out var processes)
            || processes.ValueKind != JsonValueKind.Array) return null;
        (string, int, string, double)? worst = null;
        foreach (var p in processes.EnumerateArray())
        {
            if (p.ValueKind != JsonValueKind.Object || !p.TryGetProperty("pid", out var pidElement) || !pidElement.TryGetInt32(out var pid)) continue;
            var cpu = Number(p, "cpuPercent");
            var memory = Number(p, "memoryMB");
            if (cpu <= 50 && memory <= 2048) continue;
            var weight = Math.Max(cpu / 50, memory / 2048);
            if (worst is null || weight > worst.Value.Item4)
            {
                var name = p.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "A program";
                var why = cpu > 50 ? $"{cpu.ToString("0", CultureInfo.InvariantCulture)} % CPU" : $"{memory.ToString("0", CultureInfo.InvariantCulture)} MB of memory";
                worst = (PromptSanitizer.Clean(name.Length > 60 ? name[..60] : name), pid, why, weight);
            }
        }
        return worst is { } w ? (w.Item1, w.Item2, w.Item3) : null;
    }

    private static double Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.TryGetDouble(out var d) ? d : 0;
}
