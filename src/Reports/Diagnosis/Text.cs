using System.Globalization;

namespace Tuner.Reports.Diagnosis;

/// <summary>Number formatting for evidence lines: invariant culture, three significant digits.</summary>
internal static class Text
{
    public static string Num(double value) => value.ToString("G3", CultureInfo.InvariantCulture);

    /// <summary>A fraction as a percentage without the sign, e.g. 0.183 → "18.3%".</summary>
    public static string Pct(double fraction) => (fraction * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    public static string Times(double factor) => factor.ToString("G3", CultureInfo.InvariantCulture) + "×";
}
