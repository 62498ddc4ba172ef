using System.Globalization;
using System.Text;

namespace Tuner.Tests.Parity;

/// <summary>
/// A generated binary table (fixed seed) holding every cell a model file can misread: yes/no, Y/N and
/// true/false columns, a yes/no column written 1/0 in the validation file, missing cells in yes/no and
/// categorical columns, padded categories ("WD ", " CWD"), a category named NA, NA and empty numbers, and a
/// label of 1 and 2 (2 the rarer, sometimes written 2.0).
/// </summary>
public static class TrapData
{
    public const string Label = "outcome";

    public static (string Train, string Valid) Write(string directory) =>
        (Samples.WriteCsv(directory, "train.csv", Rows(new Random(5), 600, validation: false)),
         Samples.WriteCsv(directory, "valid.csv", Rows(new Random(6), 200, validation: true)));

    private static string Rows(Random random, int count, bool validation)
    {
        var text = new StringBuilder("overtime,flag,active,remote,sale,grade,dept,hours,outcome\n");
        for (var i = 0; i < count; i++)
        {
            var overtime = random.NextDouble() < 0.4;
            var flag = random.NextDouble() < 0.5;
            var active = random.NextDouble() < 0.6;
            var remote = random.NextDouble() < 0.3;
            var sale = random.Next(3);
            var grade = random.Next(3);
            var hours = 20 + random.NextDouble() * 40;
            var risk = (overtime ? 1.6 : 0) + (remote ? -0.8 : 0.3) + (sale == 1 ? 1.0 : 0) + (grade == 2 ? 1.2 : 0) + 0.04 * (hours - 40) + (flag ? 0.3 : 0);
            var positive = random.NextDouble() < 1 / (1 + Math.Exp(-(risk - 1.8)));
            var cells = new[]
            {
                random.NextDouble() < 0.05 ? "" : overtime ? "Yes" : "No",
                flag ? "Y" : "N",
                active ? "true" : "false",
                validation && random.NextDouble() < 0.5 ? (remote ? "1" : "0") : random.NextDouble() < 0.05 ? "" : remote ? "yes" : "no",
                sale switch { 0 => "\"WD \"", 1 => "\" CWD\"", _ => "New" },
                grade switch { 0 => "A", 1 => "B", _ => "NA" },
                random.NextDouble() < 0.08 ? "" : random.Next(4) switch { 0 => "sales", 1 => "\"r&d\"", 2 => "hr", _ => "ops" },
                random.NextDouble() < 0.05 ? "NA" : random.NextDouble() < 0.05 ? "" : hours.ToString("F2", CultureInfo.InvariantCulture),
                positive ? (random.NextDouble() < 0.3 ? "2.0" : "2") : "1",
            };
            text.AppendJoin(',', cells).Append('\n');
        }

        return text.ToString();
    }
}
