namespace PocketIT.Agent.Platform;

/// <summary>A check made from its type and a function, so each OS lists its checks without a class per wrapper.</summary>
public sealed class DiagnosticCheck(string checkType, Func<CancellationToken, Task<DiagnosticOutcome>> run) : IDiagnosticCheck
{
    public string CheckType { get; } = checkType;

    public Task<DiagnosticOutcome> RunAsync(CancellationToken ct) => run(ct);

    public static IReadOnlyDictionary<string, IDiagnosticCheck> Index(IEnumerable<IDiagnosticCheck> checks) =>
        checks.ToDictionary(c => c.CheckType, StringComparer.Ordinal);
}
