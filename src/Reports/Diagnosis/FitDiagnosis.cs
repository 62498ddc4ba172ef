namespace Tuner.Reports.Diagnosis;

/// <summary>
/// The diagnosis of one trial: every finding that fired, in priority order (see <see cref="FitDiagnoser"/>);
/// the first is the primary one, whose kind, title, evidence and recommendations the shortcut properties expose.
/// A trial can be, say, overfitting and have vanishing gradients: the latter is primary, the former secondary.
/// </summary>
internal sealed record FitDiagnosis(IReadOnlyList<Finding> Findings, int? BestEpoch)
{
    public IReadOnlyList<Finding> Findings { get; init; } = Findings is { Count: > 0 }
        ? Findings
        : throw new ArgumentException("A diagnosis needs at least one finding.", nameof(Findings));

    public Finding Primary => Findings[0];

    public FitKind Kind => Primary.Kind;

    public string Title => Primary.Title;

    public IReadOnlyList<string> Evidence => Primary.Evidence;

    public IReadOnlyList<string> Recommendations => Primary.Recommendations;

    /// <summary>The findings after the primary one.</summary>
    public IReadOnlyList<Finding> Secondary => Findings.Skip(1).ToArray();

    public bool Has(FitKind kind) => Findings.Any(f => f.Kind == kind);
}
