using Tuner.Trainers.Data;

namespace Tuner.Data;

/// <summary>Infers the task from the label's values and maps each label cell to its number (see <see cref="ClassLabels"/>).</summary>
internal static class LabelEncoding
{
    /// <summary>An integer label with at most this many values is read as classes, above it as a quantity.</summary>
    public const int MaxIntegerClasses = 10;

    /// <summary>A text label with more distinct values than this is almost certainly not a class.</summary>
    public const int MaxClasses = 200;

    /// <param name="values">The label cells that are present, trimmed.</param>
    public static LabelInfo Infer(string column, IReadOnlyList<string> values, TaskKind? requested, string? positiveClass = null)
    {
        var format = CellFormat.Default;
        var names = values.Select(ClassLabels.Name).ToList();
        var distinct = ClassLabels.Sorted(names);
        if (distinct.Count < 2)
            throw new UserInputException(
                $"Label column '{column}' has a single value '{distinct.FirstOrDefault()}'; a model needs at least two distinct labels, so pick another --label.");
        var numbers = distinct.All(format.IsNumber);
        var integers = numbers && distinct.All(v => format.TryNumber(v, out var x) && x % 1 == 0);

        var task = requested ?? (distinct.Count == 2 ? TaskKind.Binary
            : !numbers ? TaskKind.Multiclass
            : integers && distinct.Count <= MaxIntegerClasses ? TaskKind.Multiclass
            : TaskKind.Regression);

        switch (task)
        {
            case TaskKind.Regression when !numbers:
                throw new UserInputException(
                    $"Label column '{column}' holds text such as '{distinct.First(v => !format.IsNumber(v))}', so it cannot be a regression target; drop --task regression or pick a numeric --label.");
            case TaskKind.Regression:
                return PositiveOnlyForBinary(positiveClass, new LabelInfo(column, task, []));
            case TaskKind.Binary when distinct.Count != 2:
                throw new UserInputException(
                    $"Label column '{column}' has {distinct.Count} distinct values, but --task binary needs exactly two; use --task multiclass or regression.");
            case TaskKind.Multiclass when distinct.Count > MaxClasses:
                throw new UserInputException(
                    $"Label column '{column}' has {distinct.Count} distinct values, too many for classes (limit {MaxClasses}); use --task regression or pick another --label.");
            case TaskKind.Multiclass:
                return PositiveOnlyForBinary(positiveClass, new LabelInfo(column, task, distinct));
        }

        var counts = names.GroupBy(n => n, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        if (positiveClass is not null && ClassLabels.IndexOf(distinct, positiveClass) < 0)
            throw new UserInputException(
                $"--positive-class '{positiveClass}' is not a value of label column '{column}', whose classes are {distinct[0]} and {distinct[1]}; pass one of them.");
        return new LabelInfo(column, task, ClassLabels.BinaryOrder(distinct, n => counts[n], positiveClass));
    }

    private static LabelInfo PositiveOnlyForBinary(string? positiveClass, LabelInfo label) =>
        positiveClass is null ? label
        : throw new UserInputException($"--positive-class applies to a binary label, but '{label.Column}' is {label.Task.ToString().ToLowerInvariant()}; leave it out.");

    public static float Encode(LabelInfo label, string value, string path, int row)
    {
        if (label.Task == TaskKind.Regression)
            return !CellFormat.Default.IsNumericMissing(value) && CellFormat.Default.TryNumber(value, out var number)
                ? number
                : throw new UserInputException($"Data file '{path}' row {row}: label '{value}' is not a number; fix the row or the --label.");
        var index = ClassLabels.IndexOf(label.Classes, value);
        return index >= 0
            ? index
            : throw new UserInputException(
                $"Data file '{path}' row {row}: label '{value}' is not one of the training classes ({string.Join(", ", label.Classes.Take(10))}); fix the row or the file.");
    }
}
