namespace Tuner.Tests.Cli;

/// <summary>Every user mistake: exit code 2, one line on stderr that says what and how to fix, no stack trace.</summary>
public sealed class BadInputTests
{
    private static readonly string Spam = Samples.Data("spam.csv");

    public static TheoryData<string, string[], string> Cases()
    {
        var dir = Samples.TempDirectory();
        var good = Samples.WriteCsv(dir, "good.csv", "a,b,y\n1,x,p\n2,y,q\n3,x,p\n4,y,q\n5,x,p\n6,y,q\n");
        return new TheoryData<string, string[], string>
        {
            { "missing file", ["tune", "--data", Path.Combine(dir, "nope.csv"), "--label", "y"], "does not exist" },
            { "empty file", ["tune", "--data", Samples.WriteCsv(dir, "empty.csv", ""), "--label", "y"], "is empty" },
            { "header only", ["tune", "--data", Samples.WriteCsv(dir, "header.csv", "a,b,y\n"), "--label", "y"], "no data rows" },
            { "label missing", ["tune", "--data", Spam, "--label", "typo"], "closest column names: type" },
            { "single-valued label", ["tune", "--data", Samples.WriteCsv(dir, "single.csv", "a,y\n1,k\n2,k\n3,k\n"), "--label", "y"], "single value 'k'" },
            { "ragged row", ["tune", "--data", Samples.WriteCsv(dir, "ragged.csv", "a,b,y\n1,2,p\n3,q\n"), "--label", "y"], "line 3" },
            { "validation columns differ", ["tune", "--data", good, "--label", "y", "--validation-data", Samples.WriteCsv(dir, "v.csv", "a,c,y\n1,2,p\n")], "lacks column(s) 'b'" },
            { "unknown metric", ["tune", "--data", good, "--label", "y", "--metric", "rmse"], "choose from auc" },
            { "unknown trainer", ["tune", "--data", good, "--label", "y", "--trainers", "xgboost"], "not a trainer family" },
            { "zero time budget", ["tune", "--data", good, "--label", "y", "--time", "0"], "--time 0" },
            { "zero trials", ["tune", "--data", good, "--label", "y", "--trials", "0"], "--trials 0" },
            { "too many folds", ["tune", "--data", good, "--label", "y", "--folds", "50"], "--folds 50" },
            { "unknown task", ["tune", "--data", good, "--label", "y", "--task", "ranking"], "--task 'ranking'" },
            { "bad option", ["tune", "--data", good, "--label", "y", "--trails", "5"], "--trails" },
            { "regression on text", ["tune", "--data", good, "--label", "y", "--task", "regression"], "cannot be a regression target" },
            { "bad space file", ["tune", "--data", good, "--label", "y", "--space", Samples.WriteCsv(dir, "s.json", """{"trainers": {"lightgbm": {"trees": {"type": "int", "low": 50, "high": 5}}}}""")], "trainers.lightgbm.trees" },
            { "typo in a space parameter", ["tune", "--data", good, "--label", "y", "--space", Samples.WriteCsv(dir, "typo.json", """{"trainers": {"sgd": {"learnin_rate": {"type": "float", "low": 0.001, "high": 0.1}}}}""")], "trainers.sgd.learnin_rate: sgd has no parameter 'learnin_rate' for a binary task (did you mean learning_rate?)" },
            { "space loss of no task", ["tune", "--data", good, "--label", "y", "--space", Samples.WriteCsv(dir, "loss.json", """{"trainers": {"sgd": {"loss": {"type": "categorical", "choices": ["no_such_loss"]}}}}""")], "trainers.sgd.loss: 'no_such_loss' is not one of: log, hinge" },
            { "space range outside the valid values", ["tune", "--data", good, "--label", "y", "--space", Samples.WriteCsv(dir, "range.json", """{"trainers": {"sgd": {"learning_rate": {"type": "float", "low": -1, "high": 0.1}}}}""")], "learning_rate takes a positive number" },
            { "space float range for an int", ["tune", "--data", good, "--label", "y", "--space", Samples.WriteCsv(dir, "int.json", """{"trainers": {"sgd": {"epochs": {"type": "float", "low": 2, "high": 9}}}}""")], "trainers.sgd.epochs: a float range" },
            { "space text for a number", ["tune", "--data", good, "--label", "y", "--space", Samples.WriteCsv(dir, "text.json", """{"trainers": {"sgd": {"l2": {"value": "lots"}}}}""")], "'lots' is not a number" },
            { "space non-integer fixed int", ["tune", "--data", good, "--label", "y", "--space", Samples.WriteCsv(dir, "whole.json", """{"trainers": {"mlp": {"hidden_layers": {"value": 1.5}}}}""")], "1.5 is not a whole number" },
            { "space unknown trainer", ["tune", "--data", good, "--label", "y", "--space", Samples.WriteCsv(dir, "trainer.json", """{"trainers": {"lightgmb": {}}}""")], "trainers.lightgmb: unknown trainer (did you mean lightgbm?)" },
            { "unknown sampler", ["tune", "--data", good, "--label", "y", "--sampler", "bayes"], "choose from tpe, random, grid" },
            { "bad sampler setting", ["tune", "--data", good, "--label", "y", "--sampler", "tpe:candidates=0"], "candidates=0 must be a whole number of at least 1" },
            { "unknown sampler setting", ["tune", "--data", good, "--label", "y", "--sampler", "random:startup=3"], "random takes no settings" },
            { "unknown pruner setting", ["tune", "--data", good, "--label", "y", "--pruner", "asha:rungs=3"], "'rungs' is not a setting of asha; choose from min-resource, eta" },
            { "malformed pruner setting", ["tune", "--data", good, "--label", "y", "--pruner", "asha:eta"], "'eta' is not a setting; write asha:name=value" },
            { "unknown pruner", ["tune", "--data", good, "--label", "y", "--pruner", "sha"], "choose from asha, hyperband, median, none" },
            { "non-numeric target", ["tune", "--data", good, "--label", "y", "--target", "high"], "--target" },
            { "label among ignored columns", ["tune", "--data", good, "--label", "y", "--ignore-cols", "a,y"], "names the label column 'y'" },
            { "unknown positive class", ["tune", "--data", good, "--label", "y", "--positive-class", "z"], "--positive-class 'z' is not a value of label column 'y'" },
            { "text in a numeric validation column", ["tune", "--data", good, "--label", "y", "--validation-data", Samples.WriteCsv(dir, "vt.csv", "a,b,y\n1,x,p\nlots,y,q\n")], "row 3 column 'a' holds 'lots'" },
            { "--out names an existing file", ["tune", "--data", good, "--label", "y", "--out", good], "is an existing file, not a directory" },
            { "--storage under a path that cannot be created", ["tune", "--data", good, "--label", "y", "--storage", Path.Combine(good, "study.db")], "which is a file" },
            { "--storage names a directory", ["tune", "--data", good, "--label", "y", "--storage", dir], "is a directory" },
            { "--storage in /proc", ["tune", "--data", good, "--label", "y", "--storage", "/proc/tuner-cannot-exist/study.db"], "cannot be created" },
            { "non-positive outage timeout", ["tune", "--data", good, "--label", "y", "--outage-timeout", "0"], "--outage-timeout 0 must be a positive number of seconds" },
            { "worker with a non-positive outage timeout", ["worker", "--study", "x", "--storage", Path.Combine(dir, "none.db"), "--outage-timeout", "-5"], "--outage-timeout -5 must be a positive number" },
            { "malformed PostgreSQL connection string", ["tune", "--data", good, "--label", "y", "--storage", "Host=;Port=abc"], "not a usable PostgreSQL connection string" },
            { "report of a missing store", ["report", "--study", "x", "--storage", Path.Combine(dir, "none.db")], "does not exist" },
            { "missing store", ["studies", "--storage", Path.Combine(dir, "none.db")], "does not exist" },
            { "store of a newer tuner", ["studies", "--storage", NewerStore(dir)], "has schema version 99; this tuner knows versions up to" },
        };
    }

    /// <summary>A study.db whose schema version no build knows yet.</summary>
    private static string NewerStore(string dir)
    {
        var path = Path.Combine(dir, "newer.db");
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (99);";
        command.ExecuteNonQuery();
        return path;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_gets_one_clear_line_and_exit_code_2(string name, string[] args, string expected)
    {
        var work = Samples.TempDirectory();

        var (exit, _, stderr) = TunerProcess.Run(work, args);

        Assert.True(exit == 2, $"{name}: exit code {exit}, stderr: {string.Join(" | ", stderr)}");
        var line = Assert.Single(stderr);
        Assert.Contains(expected, line);
        Assert.DoesNotContain("   at ", line);
        Assert.False(Directory.Exists(Path.Combine(work, "runs")) && Directory.EnumerateFiles(Path.Combine(work, "runs"), "*.db", SearchOption.AllDirectories).Any(),
            $"{name}: a study store was created for input that was rejected");
    }
}
