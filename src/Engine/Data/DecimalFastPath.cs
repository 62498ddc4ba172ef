namespace Tuner.Data;

/// <summary>
/// Reads a plain decimal ([+-]digits[.digits], at most 15 significant digits and 22 decimals) exactly as
/// double.Parse does, several times faster: the digits and the power of ten are both exact doubles, and one
/// IEEE division of exact operands is correctly rounded (Clinger's fast path). Anything else is left to
/// double.Parse.
/// </summary>
internal static class DecimalFastPath
{
    private static readonly double[] PowersOfTen =
        [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

    public static bool TryParse(ReadOnlySpan<char> text, out double value)
    {
        value = 0;
        var i = 0;
        var negative = false;
        if (text.Length > 0 && text[0] is '-' or '+')
        {
            negative = text[0] == '-';
            i = 1;
        }

        long digits = 0;
        int significant = 0, decimals = 0;
        bool anyDigit = false, afterPoint = false;
        for (; i < text.Length; i++)
        {
            var digit = text[i] - '0';
            if ((uint)digit <= 9)
            {
                anyDigit = true;
                if ((digits != 0 || digit != 0) && ++significant > 15) return false;
                digits = digits * 10 + digit;
                if (afterPoint) decimals++;
            }
            else if (text[i] == '.' && !afterPoint)
            {
                afterPoint = true;
            }
            else
            {
                return false;
            }
        }

        if (!anyDigit || decimals >= PowersOfTen.Length) return false;
        var magnitude = decimals == 0 ? digits : digits / PowersOfTen[decimals];
        value = negative ? -magnitude : magnitude;
        return true;
    }
}
