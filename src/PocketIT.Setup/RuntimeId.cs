using System.Runtime.InteropServices;

namespace PocketIT.Setup;

/// <summary>
/// The portable runtime identifier of this process (<c>win-x64</c>, <c>linux-arm64</c>, ...), which names the
/// agent package to download. Built from the OS and architecture rather than RuntimeInformation.RuntimeIdentifier,
/// which can be distro-specific (<c>debian.12-x64</c>).
/// </summary>
internal static class RuntimeId
{
    public static string Current
    {
        get
        {
            var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
            var arch = RuntimeInformation.ProcessArchitecture switch
            {
                Architecture.X64 => "x64",
                Architecture.Arm64 => "arm64",
                Architecture.X86 => "x86",
                var other => other.ToString().ToLowerInvariant(),
            };
            return $"{os}-{arch}";
        }
    }

    public static string AgentExecutableName => OperatingSystem.IsWindows() ? "pocketit-agent.exe" : "pocketit-agent";
}
