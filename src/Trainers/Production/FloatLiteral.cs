using System.Globalization;

namespace Tuner.Trainers.Production;

/// <summary>A single-precision constant written for ML.NET's expression language, read back to the same bits.</summary>
internal static class FloatLiteral
{
    public static string Of(float value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        text = (text.Contains('.') || text.Contains('E') ? text : text + ".0") + "f";
        return value < 0 ? $"({text})" : text;
    }
}
