namespace Tuner.Reports.Diagnosis;

/// <summary>
/// One rule that fired: its kind, a short title, the evidence with the numbers that made it fire, and what to change.
/// </summary>
internal sealed record Finding(
    FitKind Kind,
    string Title,
    IReadOnlyList<string> Evidence,
    IReadOnlyList<string> Recommendations);
