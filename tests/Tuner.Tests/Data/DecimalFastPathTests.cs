using System.Globalization;
using Tuner.Data;

namespace Tuner.Tests.Data;

public sealed class DecimalFastPathTests
{
    [Fact]
    public void Plain_decimals_read_exactly_as_double_parse_reads_them()
    {
        var random = new Random(3);
        for (var i = 0; i < 200_000; i++)
        {
            var digits = random.NextInt64(0, 1_000_000_000_000_000);
            var text = digits.ToString(CultureInfo.InvariantCulture);
            var point = random.Next(0, text.Length + 1);
            text = (random.Next(3) == 0 ? "-" : "") + text[..point] + (point < text.Length || random.Next(2) == 0 ? "." : "") + text[point..];
            var expected = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

            Assert.True(DecimalFastPath.TryParse(text, out var value), text);
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(value));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("1e5")]
    [InlineData(" 1")]
    [InlineData("1.2.3")]
    [InlineData("NaN")]
    [InlineData("12345678901234567")] // more significant digits than a double holds exactly
    public void Anything_else_is_left_to_double_parse(string text) =>
        Assert.False(DecimalFastPath.TryParse(text, out _));
}
