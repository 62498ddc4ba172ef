using Tuner.Data;
using Tuner.Trainers.Data;

namespace Tuner.Tests.Data;

public sealed class InferenceTests
{
    [Theory]
    [InlineData("spam.csv", "type", TaskKind.Binary, 2, "spam")]
    [InlineData("credit_data.csv", "Status", TaskKind.Binary, 2, "bad")]
    [InlineData("lending_club.csv", "Class", TaskKind.Binary, 2, "bad")]
    [InlineData("breastcancer_wisc_na.csv", "Class", TaskKind.Binary, 2, "malignant")]
    [InlineData("letter.csv", "lettr", TaskKind.Multiclass, 26, null)]
    [InlineData("shuttle.csv", "Class", TaskKind.Multiclass, 7, null)]
    [InlineData("diamonds.csv", "price", TaskKind.Regression, 0, null)]
    [InlineData("ames.csv", "Sale_Price", TaskKind.Regression, 0, null)]
    public void Infers_the_task_of_each_sample(string file, string label, TaskKind task, int classes, string? positive)
    {
        var data = DatasetLoader.Load(new DataOptions(Samples.Data(file), label, null, []));

        Assert.Equal(task, data.Label.Task);
        Assert.Equal(classes, data.Label.Classes.Count);
        Assert.Equal(positive, data.Label.PositiveClass);
    }

    [Fact]
    public void Infers_column_kinds_and_missing_values()
    {
        var diamonds = DatasetLoader.Load(new DataOptions(Samples.Data("diamonds.csv"), "price", null, []));
        Assert.Equal(ColumnKind.Categorical, diamonds.Schema.Single(c => c.Name == "cut").Kind);
        Assert.Equal(ColumnKind.Numeric, diamonds.Schema.Single(c => c.Name == "carat").Kind);

        // Quoted numbers are numbers; the Id column can be dropped.
        var cancer = DatasetLoader.Load(new DataOptions(Samples.Data("breastcancer_wisc_na.csv"), "Class", null, ["Id"]));
        Assert.DoesNotContain(cancer.Schema, c => c.Name == "Id");
        Assert.All(cancer.Schema, c => Assert.Equal(ColumnKind.Numeric, c.Kind));
        Assert.True(cancer.Schema.Single(c => c.Name == "Bare.nuclei").MissingValues > 0);

        var credit = DatasetLoader.Load(new DataOptions(Samples.Data("credit_data.csv"), "Status", null, []));
        Assert.Equal(ColumnKind.Categorical, credit.Schema.Single(c => c.Name == "Home").Kind);
        Assert.True(credit.Schema.Sum(c => c.MissingValues) > 0);
    }

    [Fact]
    public void Task_can_be_forced_and_boolean_columns_are_recognised()
    {
        var dir = Samples.TempDirectory();
        var path = Samples.WriteCsv(dir, "d.csv", "flag,x,y\nyes,1,1\nno,2,2\nyes,3,3\nno,4,1\nyes,5,2\n");

        var data = DatasetLoader.Load(new DataOptions(path, "y", TaskKind.Regression, []));

        Assert.Equal(TaskKind.Regression, data.Label.Task);
        Assert.Equal(ColumnKind.Boolean, data.Schema[0].Kind);
        Assert.Equal(["yes", "no", "yes", "no", "yes"], data.Columns[0].Strings!.Select(s => s!)); // mapped to 1/0 inside the pipeline
    }
}
