using Tuner.Reports.Diagnosis;
using Tuner.Trainers.Metrics;

namespace Reports.Tests.Diagnosis;

/// <summary>One scenario per kind, and what every diagnosis must carry.</summary>
public sealed class DiagnosisContractTests
{
    public static TheoryData<string, FitKind> Scenarios() => new()
    {
        { "good fit", FitKind.GoodFit },
        { "overfitting", FitKind.Overfitting },
        { "underfitting", FitKind.Underfitting },
        { "unstable", FitKind.Unstable },
        { "diverged", FitKind.Diverged },
        { "diverged state", FitKind.Diverged },
        { "exploding", FitKind.GoodFit },
        { "vanishing", FitKind.GoodFit },
        { "vanishing and overfitting", FitKind.Overfitting },
        { "too short", FitKind.TooShort },
        { "no curve, gap", FitKind.Overfitting },
        { "no curve, below best", FitKind.Underfitting },
        { "no curve, no best", FitKind.GoodFit },
        { "empty", FitKind.Unknown },
        { "failed", FitKind.Unknown },
        { "pruned", FitKind.GoodFit },
    };

    private static TrialDiagnosis Build(string name) => name switch
    {
        "good fit" => new(Curves.GoodFit()),
        "overfitting" => new(Curves.Overfitting()),
        "underfitting" => new(Curves.StillFalling()),
        "unstable" => new(Curves.Oscillating()),
        "diverged" => new(Curves.Make(12, e => e <= 10 ? 1.0 / e : 50, e => e <= 10 ? 1.1 / e : 60)),
        "diverged state" => new([], TrialState.Diverged, "loss became infinite"),
        "exploding" => new(Curves.Make(10, e => 0.3 + 0.5 * Math.Exp(-e), e => 0.32 + 0.5 * Math.Exp(-e), gradient: e => Math.Exp(e))),
        "vanishing" => new(Curves.GoodFit(_ => [1e-6, 0.1])),
        "vanishing and overfitting" => new(Curves.Overfitting(_ => [1e-6, 0.1])),
        "too short" => new(Curves.StillFalling().Take(2).ToArray(), TrialState.Pruned),
        "no curve, gap" => new([]) { Metric = MetricInfo.Binary[0], TrainingMetric = 1.0, ValidationMetric = 0.93, StudyBest = 0.95 },
        "no curve, below best" => new([]) { Metric = MetricInfo.Binary[0], TrainingMetric = 0.8, ValidationMetric = 0.79, StudyBest = 0.93 },
        "no curve, no best" => new([]) { Metric = MetricInfo.Regression[0], TrainingMetric = 0.5, ValidationMetric = 0.55 },
        "empty" => new([]),
        "failed" => new([], TrialState.Failed, "the data has no rows"),
        "pruned" => new(Curves.StillFalling(), TrialState.Pruned),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Each_scenario_gets_its_kind(string name, FitKind expected)
    {
        Assert.Equal(expected, FitDiagnoser.Diagnose(Build(name)).Kind);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Every_finding_has_numeric_evidence_a_title_and_a_recommendation(string name, FitKind expected)
    {
        var diagnosis = FitDiagnoser.Diagnose(Build(name));
        Assert.Equal(expected, diagnosis.Findings[0].Kind);
        foreach (var finding in diagnosis.Findings)
        {
            Assert.False(string.IsNullOrWhiteSpace(finding.Title));
            Assert.Contains(finding.Evidence, line => line.Any(char.IsDigit));
            Assert.NotEmpty(finding.Recommendations);
        }
    }

    [Fact]
    public void Every_kind_is_found_in_some_scenario()
    {
        var covered = Scenarios().SelectMany(row => FitDiagnoser.Diagnose(Build((string)row[0])).Findings.Select(f => f.Kind)).ToHashSet();
        Assert.Equal(Enum.GetValues<FitKind>().ToHashSet(), covered);
    }

    [Fact]
    public void A_diagnosis_without_findings_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new FitDiagnosis([], null));
    }
}
