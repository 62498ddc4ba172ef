using Microsoft.Extensions.Logging;
using Spectre.Console;
using Tuner.Engine;
using Tuner.Output;

namespace Tuner.Cli;

/// <summary>
/// `tuner tune` on the console: opens the study with <see cref="TuningSession"/> (every input mistake is found
/// there, before the first trial), shows the search live or as log lines, then the leaderboard and what was written.
/// </summary>
public sealed class TuneJob(IAnsiConsole console, ILogger<TuneJob> logger)
{
    public async Task<int> RunAsync(StudyOptions options, CancellationToken cancellationToken)
    {
        using var session = TuningSession.Open(options, logger: logger, stopWaiting: cancellationToken);
        console.MarkupLine(Markup.Escape(session.Description));
        if (console.Profile.Capabilities.Interactive)
        {
            var live = new LiveProgress(console, session.Study.Config.Metric, session.Budget, session.TrialsBefore);
            await live.RunAsync(() => session.SearchAsync(live, cancellationToken));
        }
        else
        {
            await session.SearchAsync(new LogProgress(Console.Out, session.Study.Config.Metric), cancellationToken);
        }

        var outcome = session.WriteOutputs(cancellationToken);
        console.Write(LeaderboardTable.Build(outcome.Study, outcome.Ranked, outcome.TiedWithBest));
        if (outcome.RowRungSummary is { } rowRungs) console.MarkupLine(Markup.Escape(rowRungs));
        if (outcome.Best is null)
        {
            console.MarkupLine("[yellow]No trial completed, so there is no best.json yet; see leaderboard.csv for the errors.[/]");
        }
        else
        {
            if (outcome.ReevaluationSummary is { } reevaluated) console.MarkupLine(Markup.Escape(reevaluated));
            if (outcome.SizeVerdict is { } verdict) console.MarkupLine(Markup.Escape(verdict));
            console.MarkupLine(Markup.Escape($"Wrote {outcome.Files[0]}, {outcome.Files[1]} and {outcome.Files[2]}."));
            console.MarkupLine(Markup.Escape(outcome.ModelMessage!));
        }

        return cancellationToken.IsCancellationRequested ? ExitCodes.Interrupted : ExitCodes.Success;
    }
}
