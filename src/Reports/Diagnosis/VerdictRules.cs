namespace Tuner.Reports.Diagnosis;

/// <summary>
/// The registry of verdict rules, in the order <see cref="FitDiagnoser"/> tries them: divergence first (it also
/// judges trials without a curve), then the rules of a learning curve; the first that fires gives the verdict, and
/// a curve none of them fires on is a good fit. A new rule is a class with its own <c>Entry</c>, listed here at its place.
/// </summary>
internal static class VerdictRules
{
    public static VerdictRule Divergence => DivergenceRule.Entry;

    /// <summary>The rules of a curve with a usable minimum, after divergence.</summary>
    public static IReadOnlyList<VerdictRule> ForCurves { get; } =
        [ShortCurveRule.Entry, StabilityRule.Entry, OverfittingRule.Entry, UnderfittingRule.Entry];

    public static IReadOnlyList<VerdictRule> All { get; } = [Divergence, .. ForCurves];
}
