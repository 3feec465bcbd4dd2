using System.Security.Cryptography;
using System.Text;
using PocketIT.Agent.Identity;

namespace PocketIT.Agent.LocalChat;

/// <summary>
/// Where the agent listens for chat sessions: <c>agent.sock</c> in the owner-only data folder. Unix socket
/// paths are limited to about 104 bytes, so a deep data folder uses an owner-only folder under the temp
/// directory named after the data folder instead; agent and chat command compute the same path.
/// </summary>
public static class ChatSocketPath
{
    private const int MaxPathBytes = 100;

    public static string For(string dataDir)
    {
        var inData = Path.Combine(dataDir, "agent.sock");
        if (Encoding.UTF8.GetByteCount(inData) <= MaxPathBytes) return inData;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataDir))))[..16];
        return Path.Combine(Path.GetTempPath(), "pocketit-" + hash, "agent.sock");
    }

    /// <summary>Makes the folder the socket lives in owner-only (the socket's own mode is not honoured everywhere).</summary>
    public static void PrepareFolder(string socketPath) => OwnerOnlyFiles.EnsureDirectory(Path.GetDirectoryName(socketPath)!);
}
