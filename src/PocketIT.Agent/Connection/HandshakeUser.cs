using System.Text.Json.Nodes;
using PocketIT.Agent.LocalChat.Peers;

namespace PocketIT.Agent.Connection;

/// <summary>
/// The <c>username</c> the agent reports in the <c>/agent</c> handshake: the person at the machine. An agent run
/// by that person reports its own account; one run as a service (root, SYSTEM) reports the first signed-in user
/// from the latest system profile's <c>loggedInUsers</c>, and its own account only when nobody is signed in.
/// </summary>
public sealed class HandshakeUser(bool runsAsService, string processUser)
{
    private volatile string? _signedIn;
    private volatile bool _profileSeen;

    /// <summary>True while a service agent has not seen a profile yet (collect one before the first connect).</summary>
    public bool NeedsProfile => runsAsService && !_profileSeen;

    public string Name => runsAsService ? _signedIn ?? processUser : processUser;

    /// <summary>Takes the signed-in users from a freshly collected profile (nobody signed in is news too).</summary>
    public void Remember(JsonObject profile)
    {
        _signedIn = FirstLoggedInUser(profile);
        _profileSeen = true;
    }

    public static string? FirstLoggedInUser(JsonObject? profile) =>
        profile?["loggedInUsers"] is JsonArray users
            ? users.Select(u => u is JsonValue v && v.TryGetValue<string>(out var name) ? name.Trim() : null)
                .FirstOrDefault(name => !string.IsNullOrEmpty(name))
            : null;

    /// <summary>Whether this process runs as a system account rather than as the user: root, or Windows SYSTEM.</summary>
    public static bool ProcessRunsAsService() =>
        OperatingSystem.IsWindows() ? System.Security.Principal.WindowsIdentity.GetCurrent().IsSystem : UnixAccount.IsRoot;

    public static HandshakeUser ForThisProcess() => new(ProcessRunsAsService(), Environment.UserName);
}
