using System.Text;
using Tuner.Reports.Analysis;
using Tuner.Reports.Model;

namespace Tuner.Reports.Html;

/// <summary>The answer a comparison is for: each entry against the leader, its difference with a 95% interval, and whether it is a tie.</summary>
internal static class DifferencesSection
{
    public static void Write(StringBuilder html, IReadOnlyList<ComparedEntry> entries)
    {
        html.Append("<h2 id=\"differences\">Is the difference beyond noise?</h2>");
        var differences = PairedComparison.AgainstLeader(entries);
        if (differences.Count == 0)
        {
            html.Append("<p>The studies rank by different metrics or tasks, so their scores are not compared.</p>");
            return;
        }

        html.Append("<p class=\"sub\">The leader's validation score minus each other's, with the 95% interval of that difference from the same bootstrap resamples ")
            .Append("(or folds) of the validation rows. An interval that contains 0 is a tie: the validation rows cannot tell the two apart.</p><ul id=\"difference-list\">");
        foreach (var difference in differences)
            html.Append($"<li class=\"{(difference.IsTie ? "tie" : "beyond-noise")}\">{Html.Text(difference.Text(entries[0].Study.Metric))}</li>");
        html.Append("</ul>");
    }
}
