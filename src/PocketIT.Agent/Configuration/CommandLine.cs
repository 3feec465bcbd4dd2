namespace PocketIT.Agent.Configuration;

/// <summary>
/// The agent's command line: an optional verb (<c>run</c>, <c>chat</c>, <c>status</c>, <c>help</c>) and options
/// that override configuration keys. Options map to the same keys appsettings.json uses, so precedence is simple.
/// </summary>
public sealed record CommandLine(string Verb, IReadOnlyDictionary<string, string> Overrides)
{
    public static readonly IReadOnlyDictionary<string, string> OptionKeys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["--server-url"] = "Server:Url",
        ["--enroll-token"] = "Enrollment:Token",
        ["--data-dir"] = "Agent:DataDir",
        ["--device-id"] = "Agent:DeviceId",
        ["--config-dir"] = "Agent:ConfigDir",
        ["--socket-path"] = "LocalChat:SocketPath",
    };

    private static readonly string[] Verbs = ["run", "chat", "status", "help"];

    /// <summary>Parses <paramref name="args"/>; throws <see cref="ConfigurationException"/> on anything unknown.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var verb = "run";
        var overrides = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help") { verb = "help"; continue; }
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (i != 0 || !Verbs.Contains(arg)) throw new ConfigurationException($"Unknown command '{arg}'. Try 'pocketit-agent help'.");
                verb = arg;
                continue;
            }
            var (name, value) = SplitOption(arg, args, ref i);
            if (!OptionKeys.TryGetValue(name, out var key)) throw new ConfigurationException($"Unknown option '{name}'. Try 'pocketit-agent help'.");
            overrides[key] = value;
        }
        return new CommandLine(verb, overrides);
    }

    private static (string Name, string Value) SplitOption(string arg, IReadOnlyList<string> args, ref int i)
    {
        var eq = arg.IndexOf('=');
        if (eq > 0) return (arg[..eq], arg[(eq + 1)..]);
        if (i + 1 >= args.Count) throw new ConfigurationException($"Option '{arg}' needs a value.");
        return (arg, args[++i]);
    }

    public const string Usage = """
        Usage: pocketit-agent [run|chat|status|help] [options]

          (no verb), run     run the agent in the foreground (as a service under systemd / Windows services)
          chat               chat with the IT assistant through the running agent
          status             show whether the agent is running, enrolled and connected

        Options (override appsettings.json beside the executable):
          --server-url URL       Server:Url
          --enroll-token TOKEN   Enrollment:Token
          --data-dir DIR         where credentials and the chat socket live (default: data/ beside the executable)
          --config-dir DIR       where appsettings.json and approval-policy.json are read (default: beside the executable)
          --device-id ID         use this device id instead of the machine's
          --socket-path PATH     LocalChat:SocketPath, the chat socket for the signed-in user when the agent runs
                                 as root (default /run/pocketit-agent/agent.sock; 'off' for none)
        """;
}
