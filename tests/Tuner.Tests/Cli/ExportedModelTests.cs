using System.Globalization;
using Tuner.Tests.Study;

namespace Tuner.Tests.Cli;

/// <summary>A study whose winner is an ML.NET trainer, tuned once for all tests of its model.zip.</summary>
public sealed class ExportedStudy
{
    public ExportedStudy()
    {
        Directory = Samples.TempDirectory();
        (Train, Valid) = ExportHarness.SplitCancer(Directory);
        var options = StudyHarness.Options(Train, "Class", Directory, trials: 4, trainers: "lightgbm,lbfgs", ignore: ["Id"]) with { ValidationData = Valid };
        StudyHarness.RunAsync(options).GetAwaiter().GetResult();
        Options = options;
    }

    public string Directory { get; }

    public string Train { get; }

    public string Valid { get; }

    public Tuner.Engine.StudyOptions Options { get; }

    public string Model => Path.Combine(Directory, "model.zip");
}

public sealed class ExportedModelTests(ExportedStudy study) : IClassFixture<ExportedStudy>
{
    [Fact]
    public void Predictions_of_the_model_in_another_process_equal_the_tuners_own()
    {
        var (own, labels, studyValue) = ExportHarness.OwnPredictions(study.Directory, study.Train, study.Valid, "Class", ["Id"]);

        var (exit, _, stderr) = TunerProcess.Run(study.Directory, "predict", "--model", study.Model, "--data", study.Valid, "--out", "predictions.csv");

        Assert.True(exit == 0, string.Join(" | ", stderr));
        var rows = File.ReadAllLines(Path.Combine(study.Directory, "predictions.csv")).Skip(1).ToList();
        Assert.Equal(own.Rows, rows.Count);
        for (var r = 0; r < rows.Count; r++)
            Assert.Equal(own.Row(r)[0], double.Parse(rows[r].Split(',')[1], CultureInfo.InvariantCulture), 1e-5);
        Assert.Equal(studyValue, Trainers.Metrics.MetricCalculator.Compute(labels.Span, own, "auc"), 9); // retraining reproduces the study's model
    }

    [Fact]
    public void Data_without_the_models_columns_is_rejected_with_their_names()
    {
        var (exit, _, stderr) = TunerProcess.Run(study.Directory, "predict", "--model", study.Model, "--data", Samples.Data("spam.csv"));

        Assert.Equal(2, exit);
        var line = Assert.Single(stderr);
        Assert.Contains("lacks column(s) 'Cl.thickness'", line);
    }

    [Fact]
    public void A_mistyped_column_is_named_with_its_row()
    {
        var lines = File.ReadAllLines(study.Valid);
        var cells = lines[1].Split(',');
        cells[1] = "\"many\"";
        var bad = Samples.WriteCsv(Samples.TempDirectory(), "bad.csv", $"{lines[0]}\n{string.Join(',', cells)}\n");

        var (exit, _, stderr) = TunerProcess.Run(study.Directory, "predict", "--model", study.Model, "--data", bad);

        Assert.Equal(2, exit);
        Assert.Contains("row 2 column 'Cl.thickness' holds 'many'", Assert.Single(stderr));
    }

    [Fact]
    public void A_corrupt_or_missing_model_is_bad_input()
    {
        var dir = Samples.TempDirectory();
        var corrupt = Samples.WriteCsv(dir, "model.zip", "not a zip at all");

        var (corruptExit, _, corruptError) = TunerProcess.Run(dir, "predict", "--model", corrupt, "--data", study.Valid);
        var (missingExit, _, missingError) = TunerProcess.Run(dir, "predict", "--model", Path.Combine(dir, "none.zip"), "--data", study.Valid);

        Assert.Equal(2, corruptExit);
        Assert.Contains("is not a model.zip written by tuner", Assert.Single(corruptError));
        Assert.Equal(2, missingExit);
        Assert.Contains("does not exist", Assert.Single(missingError));
    }
}
