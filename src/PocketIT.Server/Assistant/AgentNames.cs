namespace PocketIT.Server.Assistant;

/// <summary>The assistant's name for a device: the original's Java-style string hash over a fixed pool (notes §8.1).</summary>
public static class AgentNames
{
    public static readonly string[] Pool =
    [
        "Rick", "Mabel", "Jordan", "Casey", "Morgan", "Alex", "Sam", "Taylor", "Quinn", "Avery",
        "Robin", "Jamie", "Drew", "Sage", "Reese", "Parker", "Blake", "Riley", "Skyler", "Dana",
    ];

    public static int Hash(string deviceId)
    {
        var h = 0;
        foreach (var c in deviceId) h = unchecked(h * 31 + c);
        return h;
    }

    /// <summary>The absolute value is taken in 64 bits so int.MinValue cannot overflow.</summary>
    public static string For(string? deviceId) => Pool[(int)(Math.Abs((long)Hash(deviceId ?? "")) % Pool.Length)];
}
