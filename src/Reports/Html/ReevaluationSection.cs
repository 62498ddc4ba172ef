using System.Globalization;
using System.Text;
using Tuner.Reports.Model;

namespace Tuner.Reports.Html;

/// <summary>The winner's curse, measured and corrected: the best configurations' search scores next to their scores on fresh folds.</summary>
internal static class ReevaluationSection
{
    public static void Write(StringBuilder html, StudyReportData study)
    {
        if (study.Reevaluation is not { } reevaluation) return;
        if (reevaluation.Trials.Count == 0)
        {
            html.Append("<h2 id=\"reevaluation\">Winner's curse</h2><p>The best configurations were not re-evaluated on fresh folds (no time was left ")
                .Append("in the budget, or the run was interrupted), so the winner is the search's best and its score is likely optimistic.</p>");
            return;
        }

        html.Append("<h2 id=\"reevaluation\">Winner's curse</h2>")
            .Append("<p class=\"sub\">The best of many noisy validation scores looks better than it is. The best configurations (those tied with the best, at most ")
            .Append(CultureInfo.InvariantCulture, $"5, at least 2) were trained again on {reevaluation.Folds} fresh folds of all labelled rows, which the search never ranked on; ")
            .Append("the winner, exported to best.json and model.zip, is the best of them there.</p>")
            .Append($"<p class=\"verdict\" id=\"reevaluation-summary\"><b>{Html.Text(Summary(reevaluation, study.Metric))}</b></p>")
            .Append("<table class=\"sortable\" id=\"reevaluation-table\"><thead><tr>");
        foreach (var header in new[] { "search rank", "trial", "trainer", $"search {study.Metric}", $"fresh-fold {study.Metric}", "95% interval", "optimism" })
            html.Append($"<th class=\"sortable\">{Html.Text(header)}</th>");
        html.Append("</tr></thead><tbody>");
        var winner = reevaluation.Winner;
        foreach (var trial in reevaluation.Trials.OrderBy(t => t.SearchRank))
        {
            html.Append(trial == winner ? "<tr class=\"winner\">" : "<tr>")
                .Append(Number(trial.SearchRank, "F0")).Append(Number(trial.Number, "F0"))
                .Append($"<td>{Html.Text(trial.Trainer)}{(trial == winner ? " <small>(winner)</small>" : "")}</td>")
                .Append(Number(trial.SearchValue)).Append(Number(trial.Value))
                .Append($"<td class=\"num\">{Html.Number(trial.Low)} to {Html.Number(trial.High)}</td>")
                .Append(Number(reevaluation.Optimism(trial))).Append("</tr>");
        }

        html.Append("</tbody></table>");
    }

    /// <summary>One sentence: the search's pick, its fresh score and optimism, and the winner chosen on the fresh folds.</summary>
    public static string Summary(Reevaluation reevaluation, string metric)
    {
        var selected = reevaluation.Selected;
        var winner = reevaluation.Winner;
        if (selected is null || winner is null) return "The best configurations could not be re-evaluated.";
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"The search's best, trial {selected.Number}, scored {F(selected.SearchValue)} {metric} in the search and {F(selected.Value)} on {reevaluation.Folds} fresh folds (optimism {Signed(reevaluation.Optimism(selected))}); ");
        var count = reevaluation.Trials.Count == 1 ? "the 1 configuration" : $"{reevaluation.Trials.Count} configurations";
        if (winner == selected)
            text.Append(CultureInfo.InvariantCulture, $"of {count} re-evaluated it stays the winner.");
        else text.Append(CultureInfo.InvariantCulture,
            $"of {count} re-evaluated, trial {winner.Number} ({winner.Trainer}) did best there ({F(winner.Value)}, {F(winner.SearchValue)} in the search) and is the winner.");
        return text.ToString();
    }

    private static string F(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    private static string Signed(double value) => (value >= 0 ? "+" : "") + F(value);

    private static string Number(double? value, string format = "G5") => $"<td class=\"num\" data-key=\"{Html.SortKey(value)}\">{Html.Number(value, format)}</td>";
}
