namespace PocketIT.Agent.Hosting;

/// <summary>The process exit code, set by whichever part decides the agent cannot go on.</summary>
public sealed class AgentExit
{
    public const int ConfigurationError = 2;
    public int Code { get; set; }
    public string? Reason { get; set; }
}
