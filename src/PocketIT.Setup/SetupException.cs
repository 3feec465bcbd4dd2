namespace PocketIT.Setup;

/// <summary>A failure with a message for the person running the installer, and the exit code it ends with.</summary>
internal sealed class SetupException(string message, int exitCode = ExitCodes.Failed) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

internal static class ExitCodes
{
    public const int Installed = 0;
    public const int Failed = 1;
    public const int Usage = 2;
    public const int Refused = 3;
    public const int NotElevated = 4;
}
