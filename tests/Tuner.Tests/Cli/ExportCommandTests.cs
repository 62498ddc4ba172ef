namespace Tuner.Tests.Cli;

public sealed class ExportCommandTests(ExportedStudy study) : IClassFixture<ExportedStudy>
{
    [Fact]
    public void Export_writes_settings_model_and_consumption_code_and_refit_uses_all_rows()
    {
        var plain = Path.Combine(Samples.TempDirectory(), "plain");
        var refit = Path.Combine(Samples.TempDirectory(), "refit");
        var storage = Path.Combine(study.Directory, "study.db");

        var (exit, _, stderr) = TunerProcess.Run(study.Directory, "export", "--study", "test", "--storage", storage, "--out", plain);
        var (refitExit, _, refitError) = TunerProcess.Run(study.Directory, "export", "--study", "test", "--storage", storage, "--out", refit, "--refit");

        Assert.True(exit == 0, string.Join(" | ", stderr));
        Assert.True(refitExit == 0, string.Join(" | ", refitError));
        foreach (var file in new[] { "best.json", "model.zip", "Consumption.cs" })
            Assert.True(File.Exists(Path.Combine(plain, file)), file);
        var code = File.ReadAllText(Path.Combine(plain, "Consumption.cs"));
        Assert.Contains("[ColumnName(\"Cl.thickness\")]", code);
        Assert.Contains("public float Cl_thickness { get; set; }", code);
        Assert.DoesNotContain("Class", code.Split("public sealed class ModelOutput")[0].Split("public sealed class ModelInput")[1]);

        // The refitted model saw the validation rows too, so its predictions on them differ.
        var (_, plainOut, _) = TunerProcess.Run(study.Directory, "predict", "--model", Path.Combine(plain, "model.zip"), "--data", study.Valid);
        var (_, refitOut, _) = TunerProcess.Run(study.Directory, "predict", "--model", Path.Combine(refit, "model.zip"), "--data", study.Valid);
        Assert.Equal(plainOut.Count, refitOut.Count);
        Assert.NotEqual(plainOut, refitOut);
    }
}
