namespace PocketIT.Agent.Configuration;

/// <summary>Configuration the agent cannot run with; the message is shown to the user as is.</summary>
public sealed class ConfigurationException(string message) : Exception(message);
