using System.Globalization;
using Tuner.Trainers.Data;

namespace Tuner.Data;

/// <summary>Infers the task from the label's values and maps each label cell to its number.</summary>
public static class LabelEncoding
{
    /// <summary>An integer label with at most this many values is read as classes, above it as a quantity.</summary>
    public const int MaxIntegerClasses = 10;

    /// <summary>A text label with more distinct values than this is almost certainly not a class.</summary>
    public const int MaxClasses = 200;

    public static LabelInfo Infer(string column, IReadOnlyList<string> values, TaskKind? requested)
    {
        var distinct = values.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count < 2)
            throw new UserInputException(
                $"Label column '{column}' has a single value '{distinct.FirstOrDefault()}'; a model needs at least two distinct labels, so pick another --label.");
        var numbers = distinct.All(v => SchemaInference.TryParseNumber(v, out _));
        var integers = numbers && distinct.All(v => double.Parse(v, CultureInfo.InvariantCulture) % 1 == 0);

        var task = requested ?? (distinct.Count == 2 ? TaskKind.Binary
            : !numbers ? TaskKind.Multiclass
            : integers && distinct.Count <= MaxIntegerClasses ? TaskKind.Multiclass
            : TaskKind.Regression);

        switch (task)
        {
            case TaskKind.Regression when !numbers:
                throw new UserInputException(
                    $"Label column '{column}' holds text such as '{distinct.First(v => !SchemaInference.TryParseNumber(v, out _))}', so it cannot be a regression target; drop --task regression or pick a numeric --label.");
            case TaskKind.Regression:
                return new LabelInfo(column, task, []);
            case TaskKind.Binary when distinct.Count != 2:
                throw new UserInputException(
                    $"Label column '{column}' has {distinct.Count} distinct values, but --task binary needs exactly two; use --task multiclass or regression.");
            case TaskKind.Multiclass when distinct.Count > MaxClasses:
                throw new UserInputException(
                    $"Label column '{column}' has {distinct.Count} distinct values, too many for classes (limit {MaxClasses}); use --task regression or pick another --label.");
        }

        var ordered = numbers
            ? distinct.OrderBy(v => double.Parse(v, CultureInfo.InvariantCulture)).ToList()
            : distinct.OrderBy(v => v, StringComparer.Ordinal).ToList();
        if (task == TaskKind.Binary)
            ordered = BinaryOrder(ordered, values);
        return new LabelInfo(column, task, ordered);
    }

    /// <summary>
    /// Negative first, positive second. 1/true/yes is positive when present; otherwise the rarer class,
    /// because that is the one F1 and PR-AUC should be about (spam, bad loans, malignant).
    /// </summary>
    private static List<string> BinaryOrder(List<string> sorted, IReadOnlyList<string> values)
    {
        string[] positiveWords = ["1", "true", "yes", "t", "y"];
        var flagged = sorted.FirstOrDefault(v => positiveWords.Contains(v.ToLowerInvariant()));
        if (flagged is not null) return [sorted.First(v => v != flagged), flagged];
        var counts = values.GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());
        var positive = counts[sorted[0]] < counts[sorted[1]] ? sorted[0] : sorted[1];
        return [sorted.First(v => v != positive), positive];
    }

    public static float Encode(LabelInfo label, string value, string path, int row)
    {
        if (label.Task == TaskKind.Regression)
            return SchemaInference.TryParseNumber(value, out var number)
                ? (float)number
                : throw new UserInputException($"Data file '{path}' row {row}: label '{value}' is not a number; fix the row or the --label.");
        var index = label.Classes.ToList().IndexOf(value);
        return index >= 0
            ? index
            : throw new UserInputException(
                $"Data file '{path}' row {row}: label '{value}' is not one of the training classes ({string.Join(", ", label.Classes.Take(10))}); fix the row or the file.");
    }
}
