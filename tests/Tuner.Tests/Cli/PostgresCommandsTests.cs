using Npgsql;
using Tuner.Tests.Storage;
using Tuner.Tests.Study;

namespace Tuner.Tests.Cli;

/// <summary>report, compare, export, studies and worker on a PostgreSQL study, and connection failures, through the real tool.</summary>
public sealed class PostgresCommandsTests
{
    private static readonly string Cancer = Samples.Data("breastcancer_wisc_na.csv");

    [PostgresFact]
    public async Task Report_compare_export_and_studies_read_a_postgres_study()
    {
        using var db = PostgresServer.CreateDatabase();
        var work = Samples.TempDirectory();
        var options = StudyHarness.Options(Cancer, "Class", Path.Combine(work, "a"), trials: 4, trainers: "sgd,lbfgs", ignore: ["Id"], storage: db.ConnectionString);
        Assert.Equal(0, await StudyHarness.RunAsync(options));
        Assert.Equal(0, await StudyHarness.RunAsync(options with { Study = "other", Out = Path.Combine(work, "b"), Trials = 3 }));
        var password = new NpgsqlConnectionStringBuilder(db.ConnectionString).Password!;

        var studies = TunerProcess.Run(work, "studies", "--storage", db.ConnectionString);
        var report = TunerProcess.Run(work, "report", "--study", "test", "--storage", db.ConnectionString, "--out", "report.html");
        var defaultReport = TunerProcess.Run(work, "report", "--study", "other", "--storage", db.ConnectionString);
        var compare = TunerProcess.Run(work, "compare", "--study", "test", "--study", "other", "--storage", db.ConnectionString, "--out", "both.html");
        var export = TunerProcess.Run(work, "export", "--study", "test", "--storage", db.ConnectionString, "--out", "export");

        foreach (var (exit, stdout, stderr) in new[] { studies, report, defaultReport, compare, export })
        {
            Assert.True(exit == 0, string.Join(" | ", stderr));
            Assert.DoesNotContain(password, string.Join('\n', stdout.Concat(stderr)));
        }

        var table = string.Join('\n', studies.Stdout);
        Assert.Contains("test", table);
        Assert.Contains("other", table);
        Assert.Contains("breastcancer_wisc_na.csv", await File.ReadAllTextAsync(Path.Combine(work, "report.html")));
        Assert.True(File.Exists(Path.Combine(work, "runs", "other", "report.html")));
        Assert.Equal(2, (await File.ReadAllTextAsync(Path.Combine(work, "both.html"))).Split("<svg").Length - 1);
        Assert.True(File.Exists(Path.Combine(work, "export", "best.json")));
        Assert.True(File.Exists(Path.Combine(work, "export", "model.zip")));
    }

    [PostgresFact]
    public void A_wrong_password_is_one_line_that_never_shows_a_password()
    {
        using var db = PostgresServer.CreateDatabase();
        var wrong = new NpgsqlConnectionStringBuilder(db.ConnectionString) { Password = "not-the-password-42" }.ConnectionString;
        var work = Samples.TempDirectory();

        foreach (var args in new[]
                 {
                     new[] { "studies", "--storage", wrong },
                     ["worker", "--study", "s", "--storage", wrong],
                     ["report", "--study", "s", "--storage", wrong],
                     ["tune", "--data", Cancer, "--label", "Class", "--ignore-cols", "Id", "--trials", "1", "--storage", wrong],
                 })
        {
            var (exit, stdout, stderr) = TunerProcess.Run(work, args);

            Assert.Equal(2, exit);
            var line = Assert.Single(stderr);
            Assert.Contains("refused the login", line);
            Assert.Contains("Username=", line);
            Assert.DoesNotContain("not-the-password-42", string.Join('\n', stdout.Concat(stderr)));
        }
    }

    [PostgresFact]
    public void A_worker_for_an_unknown_study_names_the_studies_there()
    {
        using var db = PostgresServer.CreateDatabase();

        var (exit, _, stderr) = TunerProcess.Run(Samples.TempDirectory(), "worker", "--study", "nope", "--storage", db.ConnectionString);

        Assert.Equal(2, exit);
        Assert.Contains("Study 'nope' is not in 'PostgreSQL Host=", Assert.Single(stderr));
    }

    [Fact]
    public void An_unreachable_server_is_one_line_without_its_password()
    {
        // Port 1 on loopback: nothing listens, the connection is refused at once.
        const string storage = "Host=127.0.0.1;Port=1;Database=tuner;Username=tuner;Password=hunter2-secret";

        foreach (var args in new[] { new[] { "studies", "--storage", storage }, ["worker", "--study", "s", "--storage", storage] })
        {
            var (exit, stdout, stderr) = TunerProcess.Run(Samples.TempDirectory(), args);

            Assert.Equal(2, exit);
            Assert.StartsWith("tuner: Cannot reach PostgreSQL Host=127.0.0.1;Port=1;Database=tuner;Username=tuner", Assert.Single(stderr));
            Assert.DoesNotContain("hunter2-secret", string.Join('\n', stdout.Concat(stderr)));
        }
    }
}
