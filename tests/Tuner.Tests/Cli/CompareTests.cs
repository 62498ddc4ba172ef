using Tuner.Tests.Study;

namespace Tuner.Tests.Cli;

public sealed class CompareTests
{
    [Fact]
    public async Task Two_studies_on_different_datasets_are_compared_on_one_page()
    {
        var work = Samples.TempDirectory();
        var cancer = Path.Combine(work, "cancer");
        var credit = Path.Combine(work, "credit");
        await StudyHarness.RunAsync(StudyHarness.Options(Samples.Data("breastcancer_wisc_na.csv"), "Class", cancer, trials: 9, trainers: "sgd,lbfgs", ignore: ["Id"]));
        await StudyHarness.RunAsync(StudyHarness.Options(Samples.Data("credit_data.csv"), "Status", credit, trials: 9, trainers: "sgd,lbfgs"));

        var (exit, _, stderr) = TunerProcess.Run(work, "compare", "--study", "test", "--storage", Path.Combine(cancer, "study.db"),
            "--study", "test", "--storage", Path.Combine(credit, "study.db"), "--out", "both.html");

        Assert.True(exit == 0, string.Join(" | ", stderr));
        var html = await File.ReadAllTextAsync(Path.Combine(work, "both.html"));
        Assert.Contains("breastcancer_wisc_na.csv", html);
        Assert.Contains("credit_data.csv", html);
        Assert.Contains("How each knob mattered", html);
        Assert.Contains(">l2<", html); // a knob searched in both studies
        Assert.Equal(2, html.Split("<svg").Length - 1);
    }

    [Fact]
    public void Comparing_fewer_than_two_studies_is_bad_input()
    {
        var (exit, _, stderr) = TunerProcess.Run(Samples.TempDirectory(), "compare", "--study", "only");

        Assert.Equal(2, exit);
        Assert.Contains("at least two --study", Assert.Single(stderr));
    }
}
