namespace Tuner.Reports.Diagnosis;

/// <summary>
/// Too short to judge: three points or fewer show no trend, unless the trial ran all of its planned epochs and is
/// still falling, which is underfitting.
/// </summary>
internal static class ShortCurveRule
{
    public static VerdictRule Entry { get; } = new("too_short", FitKind.TooShort,
        "three epochs or fewer, unless they were all it was set to run and still falling", Check);

    public static Finding? Check(TrialDiagnosis trial, DiagnosisThresholds thresholds)
    {
        int n = trial.Curve.Count;
        if (n > thresholds.TooShortEpochs || UnderfittingRule.StillFalling(trial, thresholds) is not null) return null;
        return new Finding(FitKind.TooShort, "Too short to judge",
            [$"{n} epoch(s) recorded; a trend needs more than {thresholds.TooShortEpochs}"],
            [trial.End == CurveEnd.Pruned
                ? "nothing to change for this trial: the pruner found it behind at its first rung"
                : "run more epochs to see where the curve goes"]);
    }
}
