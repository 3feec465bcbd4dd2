namespace PocketIT.Agent.Approval;

/// <summary>
/// Questions shown one at a time on a line-based terminal: the next line typed answers the question at the
/// head; the rest wait their turn. Not thread-safe on its own; callers hold a lock.
/// </summary>
public sealed class PromptQueue
{
    private readonly List<(string Id, string Question)> _queue = [];

    public (string Id, string Question)? Head => _queue.Count > 0 ? _queue[0] : null;

    /// <summary>Adds a question; true when it became the head (so it should be printed now).</summary>
    public bool Add(string id, string question)
    {
        if (_queue.Any(q => q.Id == id)) return false;
        _queue.Add((id, question));
        return _queue.Count == 1;
    }

    /// <summary>Removes a question; returns the new head to print when the removed one was the head.</summary>
    public (string Id, string Question)? Remove(string id, out bool wasHead)
    {
        var index = _queue.FindIndex(q => q.Id == id);
        wasHead = index == 0;
        if (index < 0) return null;
        _queue.RemoveAt(index);
        return wasHead ? Head : null;
    }

    public static bool IsYes(string? line) => line?.Trim().ToLowerInvariant() is "y" or "yes";

    public static string Format(string question) => $"approve? {question} [y/N]";
}
