namespace PocketIT.Server.PocketIt.Settings;

/// <summary>Notes §8.6: a key is shown as its first 4 and last 4 characters around <c>****</c>.</summary>
public static class SecretMask
{
    /// <summary>Below this length the two ends would give away too much of the key, so only <c>****</c> is shown.</summary>
    public const int ShortestShownInPart = 12;

    public static string? Mask(string? secret) => secret switch
    {
        null or "" => null,
        { Length: < ShortestShownInPart } => "****",
        _ => secret[..4] + "****" + secret[^4..],
    };
}
