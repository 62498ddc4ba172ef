using System.Globalization;

namespace Tuner.Reports.Diagnosis;

/// <summary>Number formatting for evidence lines: invariant culture, three significant digits, no "E+03" forms.</summary>
internal static class Text
{
    public static string Num(double value)
    {
        double magnitude = Math.Abs(value);
        if (!double.IsFinite(value) || value == 0 || (magnitude >= 1e-3 && magnitude < 1e6))
            return value.ToString("G3", CultureInfo.InvariantCulture);
        return value.ToString("0.##e0", CultureInfo.InvariantCulture);
    }

    /// <summary>A fraction as a percentage without the sign, e.g. 0.183 → "18.3%".</summary>
    public static string Pct(double fraction) => (fraction * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    public static string Times(double factor) =>
        (double.IsFinite(factor) && factor < 1e9
            ? factor.ToString(factor >= 100 ? "0" : "0.#", CultureInfo.InvariantCulture)
            : Num(factor)) + "×";

    /// <summary>Why the curve ends, in words: "pruned at epoch 3 of 40", "early stopping at epoch 8 of 36", "ran all 40 epochs".</summary>
    public static string Ending(TrialDiagnosis trial)
    {
        int n = trial.Curve.Count;
        string unit = CurveFacts.Unit(trial.Curve);
        string planned = trial.PlannedEpochs is { } p ? $" of {p}" : "";
        return trial.End switch
        {
            CurveEnd.Pruned => $"pruned at {unit} {n}{planned}",
            CurveEnd.EarlyStopping => $"stopped by early stopping at {unit} {n}{planned}",
            CurveEnd.Diverged => $"diverged at {unit} {n}{planned}",
            CurveEnd.Failed => $"failed at {unit} {n}{planned}",
            _ => $"ran all {n} planned {unit}s",
        };
    }
}
