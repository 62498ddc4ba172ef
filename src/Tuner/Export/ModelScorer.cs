using Microsoft.ML;
using Microsoft.ML.Data;
using Tuner.Data;
using Tuner.Trainers.Data;
using Tuner.Trainers.Metrics;
using Tuner.Trainers.MlNet;

namespace Tuner.Export;

/// <summary>Loads a model.zip and scores the rows of a CSV whose columns match the model's input schema.</summary>
public sealed class ModelScorer
{
    private readonly ITransformer _model;
    private readonly DataViewSchema _input;
    private readonly string _path;

    private ModelScorer(ITransformer model, DataViewSchema input, ModelLabels labels, string path)
    {
        _model = model;
        _input = input;
        Labels = labels;
        _path = path;
    }

    public ModelLabels Labels { get; }

    public TaskKind Task => Enum.Parse<TaskKind>(Labels.Task, ignoreCase: true);

    public static ModelScorer Load(string path)
    {
        if (!File.Exists(path))
            throw new UserInputException($"Model file '{path}' does not exist; pass the model.zip written by `tuner tune` or `tuner export`.");
        try
        {
            var labels = ModelLabels.ReadFrom(path) ?? throw new InvalidDataException("it has no tuner/labels.json entry");
            var model = new MLContext().Model.Load(path, out var input);
            return new ModelScorer(model, input, labels, path);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or IOException or InvalidOperationException or ArgumentException)
        {
            throw new UserInputException($"Model file '{path}' is not a model.zip written by tuner ({e.Message.TrimEnd('.')}); export it again with `tuner export`.");
        }
    }

    /// <summary>Reads the CSV with the model's column types; the label column is optional.</summary>
    public (Dataset Rows, bool HasLabels) Read(string csvPath)
    {
        var table = CsvReader.Read(csvPath);
        var missing = _input.Where(c => table.ColumnIndex(c.Name) < 0).Select(c => $"'{c.Name}'").ToList();
        if (missing.Count > 0)
            throw new UserInputException($"'{csvPath}' lacks column(s) {string.Join(", ", missing)} that model '{_path}' needs; the data must have the training columns.");

        var columns = new List<FeatureColumn>();
        foreach (var column in _input)
        {
            var index = table.ColumnIndex(column.Name);
            var numeric = column.Type is NumberDataViewType;
            var info = new ColumnInfo(column.Name, numeric ? ColumnKind.Numeric : ColumnKind.Categorical, 0, 0);
            if (!numeric)
            {
                columns.Add(new FeatureColumn(info, null, table.Rows.Select(r => r[index]).ToArray()));
                continue;
            }

            var numbers = new float[table.Rows.Count];
            for (var r = 0; r < numbers.Length; r++)
            {
                var cell = table.Rows[r][index];
                numbers[r] = cell is null ? float.NaN
                    : SchemaInference.TryParseNumber(cell, out var value) ? (float)value
                    : SchemaInference.ParseBooleanOrNull(cell) ?? throw new UserInputException(
                        $"'{csvPath}' row {r + 2} column '{column.Name}' holds '{cell}', but the model reads that column as a number; fix the value or the column.");
            }

            columns.Add(new FeatureColumn(info, numbers, null));
        }

        var labelIndex = table.ColumnIndex(Labels.Label);
        var label = new LabelInfo(Labels.Label, Task, Labels.Classes);
        var labels = new float[table.Rows.Count];
        var hasLabels = labelIndex >= 0 && table.Rows.All(r => r[labelIndex] is not null);
        if (hasLabels)
            for (var r = 0; r < labels.Length; r++) labels[r] = LabelEncoding.Encode(label, table.Rows[r][labelIndex]!, csvPath, r + 2);
        return (new Dataset(csvPath, columns, label, labels, 0, ""), hasLabels);
    }

    public Predictions Score(Dataset rows) =>
        ScoreColumns.Read(_model.Transform(TableDataView.AllRows(rows)), Task, rows.Rows, Labels.Classes.Count);
}
