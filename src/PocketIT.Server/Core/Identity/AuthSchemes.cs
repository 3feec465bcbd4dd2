namespace PocketIT.Server.Core.Identity;

public static class AuthSchemes
{
    /// <summary>Picks one of the schemes below from what the request carries.</summary>
    public const string Default = "pocketit";
    public const string Bearer = "Bearer";
    public const string Device = "device";
    public const string LocalhostBypass = "localhost";

    /// <summary>Where a scheme leaves its reason for refusing, for the JSON error body.</summary>
    public const string FailureItemKey = "pocketit.auth.failure";
    /// <summary>The status a scheme wants for its refusal when it is not a plain 401.</summary>
    public const string FailureStatusItemKey = "pocketit.auth.failure-status";
}
