namespace PocketIT.Agent.Tests.Runtime.Infrastructure;

/// <summary>
/// Finds expected lines in a growing output, each line at most once. Lines from the server may arrive in either
/// order (a request can overtake the assistant's text), so expectations do not insist on order between them.
/// </summary>
public sealed class LineExpectations(Func<IReadOnlyList<string>> lines, string what)
{
    private readonly HashSet<int> _matched = [];

    /// <summary>The first line starting with <paramref name="prefix"/> (and matching) not taken by an earlier call.</summary>
    public async Task<string> Expect(string prefix, Func<string, bool>? match = null)
    {
        string? found = null;
        await Eventually.True(() =>
        {
            var current = lines();
            lock (_matched)
                for (var i = 0; i < current.Count; i++)
                {
                    if (_matched.Contains(i) || !current[i].StartsWith(prefix, StringComparison.Ordinal) || (match is not null && !match(current[i]))) continue;
                    _matched.Add(i);
                    found = current[i];
                    return true;
                }
            return false;
        }, $"{what} starting '{prefix}'; got:\n{string.Join("\n", lines())}");
        return found!;
    }
}
