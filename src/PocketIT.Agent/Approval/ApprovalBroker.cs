using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PocketIT.Agent.Approval;

public sealed record ApprovalDecision(bool Approved, string Reason);

/// <summary>Asks the person at the device a yes/no question about something the server wants to do.</summary>
public interface IApprovalPrompt
{
    /// <summary>Asks <paramref name="question"/> (untrusted text is cleaned here) and waits for the answer or the timeout.</summary>
    Task<ApprovalDecision> AskAsync(string question, CancellationToken ct);
}

/// <summary>Somewhere a question can be shown: an attached chat session or the agent's own terminal.</summary>
public interface IApprovalSurface
{
    void Show(string id, string question);
    /// <summary>The question was answered (anywhere) or expired; the surface stops showing it.</summary>
    void Closed(string id, bool approved);
}

/// <summary>
/// Shows each question on every surface present (chat sessions, an interactive terminal) and on any that
/// appears while it is pending; the first answer wins. With nobody there it is declined after the timeout,
/// saying no user was present.
/// </summary>
public sealed class ApprovalBroker(TimeSpan timeout, ILogger<ApprovalBroker> log) : IApprovalPrompt
{
    private sealed record Pending(string Question, TaskCompletionSource<bool> Answer)
    {
        public volatile bool Seen;
    }

    private readonly ConcurrentDictionary<string, Pending> _pending = new();
    private readonly List<IApprovalSurface> _surfaces = [];
    private readonly Lock _gate = new();

    public async Task<ApprovalDecision> AskAsync(string question, CancellationToken ct)
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var pending = new Pending(TerminalText.Line(question), new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        _pending[id] = pending;
        foreach (var surface in Surfaces()) ShowOn(surface, id, pending);
        log.LogInformation("Waiting for the user's approval: {Question}", pending.Question);

        using var expiry = CancellationTokenSource.CreateLinkedTokenSource(ct);
        expiry.CancelAfter(timeout);
        try
        {
            var approved = await pending.Answer.Task.WaitAsync(expiry.Token);
            return new ApprovalDecision(approved, approved ? "approved by the user" : "declined by the user");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            if (!_pending.TryRemove(id, out _)) return new ApprovalDecision(await pending.Answer.Task, "answered as it expired");
            foreach (var surface in Surfaces()) surface.Closed(id, false);
            var reason = pending.Seen
                ? $"the user did not answer within {timeout.TotalSeconds:0} s"
                : "no user was present to approve it";
            log.LogInformation("Approval expired ({Reason}): {Question}", reason, pending.Question);
            return new ApprovalDecision(false, reason);
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    /// <summary>An answer from a surface; false when the question is no longer pending.</summary>
    public bool Answer(string id, bool approved)
    {
        if (!_pending.TryRemove(id, out var pending)) return false;
        pending.Answer.TrySetResult(approved);
        foreach (var surface in Surfaces()) surface.Closed(id, approved);
        return true;
    }

    public void AddSurface(IApprovalSurface surface)
    {
        lock (_gate) _surfaces.Add(surface);
        foreach (var (id, pending) in _pending) ShowOn(surface, id, pending);
    }

    public void RemoveSurface(IApprovalSurface surface)
    {
        lock (_gate) _surfaces.Remove(surface);
    }

    public int PendingCount => _pending.Count;

    private static void ShowOn(IApprovalSurface surface, string id, Pending pending)
    {
        pending.Seen = true;
        surface.Show(id, pending.Question);
    }

    private IApprovalSurface[] Surfaces()
    {
        lock (_gate) return [.. _surfaces];
    }
}
