using Tuner.Reports.Diagnosis;

namespace Reports.Tests.Diagnosis;

/// <summary>The registry of verdict rules: one entry each, in the textbook's order, each giving the verdict it is named for.</summary>
public sealed class VerdictRulesTests
{
    [Fact]
    public void The_rules_are_tried_in_the_order_of_the_verdicts()
    {
        Assert.Equal([FitKind.Diverged, FitKind.TooShort, FitKind.Unstable, FitKind.Overfitting, FitKind.Underfitting], VerdictRules.All.Select(r => r.Verdict));
        Assert.Equal(VerdictRules.All.Count, VerdictRules.All.Select(r => r.Name).Distinct().Count());
    }

    public static TheoryData<string> RuleNames() => [.. VerdictRules.All.Select(r => r.Name)];

    [Theory]
    [MemberData(nameof(RuleNames))]
    public void Each_rule_gives_its_own_verdict_on_a_curve_made_for_it_and_none_on_a_good_fit(string name)
    {
        var rule = VerdictRules.All.Single(r => r.Name == name);
        var made = name switch
        {
            "diverged" => new TrialDiagnosis(Curves.Make(12, e => e <= 10 ? 1.0 / e : 50, e => e <= 10 ? 1.1 / e : 60)),
            "too_short" => new TrialDiagnosis(Curves.StillFalling().Take(2).ToArray(), TrialState.Pruned),
            "unstable" => new TrialDiagnosis(Curves.Oscillating()),
            "overfitting" => new TrialDiagnosis(Curves.Overfitting()),
            "underfitting" => new TrialDiagnosis(Curves.StillFalling()),
            _ => throw new ArgumentException($"no curve made for rule '{name}'; add one here"),
        };

        Assert.Equal(rule.Verdict, rule.Check(made, DiagnosisThresholds.Default)?.Kind);
        Assert.Null(rule.Check(new TrialDiagnosis(Curves.GoodFit()), DiagnosisThresholds.Default));
    }
}
