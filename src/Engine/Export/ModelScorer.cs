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
        var format = Labels.Featurization.Cells;
        var encodings = Labels.Featurization.Columns.ToDictionary(c => c.Name, c => c.Encoding, StringComparer.Ordinal);
        FeatureEncoding EncodingOf(DataViewSchema.Column column) =>
            encodings.GetValueOrDefault(column.Name, column.Type is NumberDataViewType ? FeatureEncoding.Numeric : FeatureEncoding.OneHot);
        var text = _input.Where(c => EncodingOf(c) != FeatureEncoding.Numeric).Select(c => c.Name).Append(Labels.Label);
        var table = CsvReader.Read(csvPath, format, text.ToHashSet(StringComparer.Ordinal));
        var missing = _input.Where(c => table.ColumnIndex(c.Name) < 0).Select(c => $"'{c.Name}'").ToList();
        if (missing.Count > 0)
            throw new UserInputException($"'{csvPath}' lacks column(s) {string.Join(", ", missing)} that model '{_path}' needs; the data must have the training columns.");

        var columns = new List<FeatureColumn>();
        foreach (var column in _input)
        {
            var cells = table.Columns[table.ColumnIndex(column.Name)];
            var encoding = EncodingOf(column);
            var info = new ColumnInfo(column.Name, encoding switch
            {
                FeatureEncoding.Numeric => ColumnKind.Numeric,
                FeatureEncoding.Boolean => ColumnKind.Boolean,
                FeatureEncoding.Text => ColumnKind.Text,
                _ => ColumnKind.Categorical,
            }, 0);
            if (encoding != FeatureEncoding.Numeric)
            {
                var texts = cells.Cells!.Select(format.Text).ToArray();
                for (var r = 0; encoding == FeatureEncoding.Boolean && r < texts.Length; r++)
                    if (texts[r] is { } word && format.Boolean(word) is null)
                        throw CellError(csvPath, r, column.Name, cells.Cells![r], $"yes/no ({string.Join("/", format.TrueWords)} or {string.Join("/", format.FalseWords)})");
                columns.Add(new FeatureColumn(info, null, texts));
                continue;
            }

            if (cells.Numbers is null)
            {
                var bad = Array.FindIndex(cells.Cells!, c => !format.TryNumber(c, out _));
                throw CellError(csvPath, bad, column.Name, cells.Cells![bad], "a number");
            }

            columns.Add(new FeatureColumn(info, cells.Numbers, null));
        }

        var labelIndex = table.ColumnIndex(Labels.Label);
        var label = new LabelInfo(Labels.Label, Task, Labels.Classes);
        var labels = new float[table.RowCount];
        var labelTexts = labelIndex < 0 ? [] : table.Columns[labelIndex].Cells!.Select(format.Text).ToArray();
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
