using Microsoft.ML;
using Microsoft.ML.Data;
using Tuner.Data;
using Tuner.Trainers.Data;
using Tuner.Trainers.Metrics;
using Tuner.Trainers.MlNet;
using Tuner.Trainers.Production;

namespace Tuner.Export;

/// <summary>Loads a model.zip and scores the rows of a CSV whose columns match the model's input schema.</summary>
internal sealed class ModelScorer
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
        catch (Exception e) when (e is InvalidDataException or FormatException or IOException or InvalidOperationException or ArgumentException or System.Text.Json.JsonException)
        {
            throw new UserInputException($"Model file '{path}' is not a model.zip written by tuner ({e.Message.TrimEnd('.')}); export it again with `tuner export`.");
        }
    }

    /// <summary>
    /// Reads the CSV with the model's column types and the study's cell format; the label column is optional.
    /// A cell the model cannot read as the study did (text in a numeric column, a stray word in a yes/no
    /// column) is an error naming its row, column and value.
    /// </summary>
    public (Dataset Rows, bool HasLabels) Read(string csvPath)
    {
        var table = CsvReader.Read(csvPath);
        var missing = _input.Where(c => table.ColumnIndex(c.Name) < 0).Select(c => $"'{c.Name}'").ToList();
        if (missing.Count > 0)
            throw new UserInputException($"'{csvPath}' lacks column(s) {string.Join(", ", missing)} that model '{_path}' needs; the data must have the training columns.");

        var format = Labels.Featurization.Cells;
        var encodings = Labels.Featurization.Columns.ToDictionary(c => c.Name, c => c.Encoding, StringComparer.Ordinal);
        var columns = new List<FeatureColumn>();
        foreach (var column in _input)
        {
            var index = table.ColumnIndex(column.Name);
            var encoding = encodings.GetValueOrDefault(column.Name, column.Type is NumberDataViewType ? FeatureEncoding.Numeric : FeatureEncoding.OneHot);
            var info = new ColumnInfo(column.Name, encoding switch
            {
                FeatureEncoding.Numeric => ColumnKind.Numeric,
                FeatureEncoding.Boolean => ColumnKind.Boolean,
                FeatureEncoding.Text => ColumnKind.Text,
                _ => ColumnKind.Categorical,
            }, 0, 0);
            if (encoding != FeatureEncoding.Numeric)
            {
                var texts = table.Rows.Select(r => format.Text(r[index])).ToArray();
                for (var r = 0; encoding == FeatureEncoding.Boolean && r < texts.Length; r++)
                    if (texts[r] is { } word && format.Boolean(word) is null)
                        throw CellError(csvPath, r, column.Name, table.Rows[r][index], $"yes/no ({string.Join("/", format.TrueWords)} or {string.Join("/", format.FalseWords)})");
                columns.Add(new FeatureColumn(info, null, texts));
                continue;
            }

            var numbers = new float[table.Rows.Count];
            for (var r = 0; r < numbers.Length; r++)
                if (!format.TryNumber(table.Rows[r][index], out numbers[r]))
                    throw CellError(csvPath, r, column.Name, table.Rows[r][index], "a number");
            columns.Add(new FeatureColumn(info, numbers, null));
        }

        var labelIndex = table.ColumnIndex(Labels.Label);
        var label = new LabelInfo(Labels.Label, Task, Labels.Classes);
        var labels = new float[table.Rows.Count];
        var labelTexts = labelIndex < 0 ? [] : table.Rows.Select(r => format.Text(r[labelIndex])).ToArray();
        var hasLabels = labelIndex >= 0 && labelTexts.All(t => t is not null);
        if (hasLabels)
            for (var r = 0; r < labels.Length; r++) labels[r] = LabelEncoding.Encode(label, labelTexts[r]!, csvPath, r + 2);
        return (new Dataset(csvPath, columns, label, labels, 0, "", format), hasLabels);
    }

    private UserInputException CellError(string csvPath, int row, string column, string cell, string reading) =>
        new($"'{csvPath}' row {row + 2} column '{column}' holds '{cell}', but model '{_path}' reads that column as {reading}; fix the value or the column.");

    public Predictions Score(Dataset rows) =>
        ScoreColumns.Read(_model.Transform(TableDataView.AllRows(rows)), Task, rows.Rows, Labels.Classes.Count);
}
