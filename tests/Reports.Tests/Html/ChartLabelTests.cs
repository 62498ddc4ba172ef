using Tuner.Reports.Charts;

namespace Tuner.Reports.Tests.Html;

public sealed class ChartLabelTests
{
    [Fact]
    public void Category_charts_name_their_choices_on_the_axis_escaped()
    {
        var svg = KnobCharts.ByCategory([(0, 0.8), (1, 0.9), (1, 0.85)], ["hinge", "<b>&log"], "auc");
        Assert.Contains("hinge", svg);
        Assert.Contains("&lt;b&gt;&amp;log", svg);
        Assert.DoesNotContain("<b>", svg);
        Assert.DoesNotContain("c0", svg);
    }

    [Fact]
    public void Long_choice_names_are_shortened_on_the_axis()
    {
        var svg = KnobCharts.ByCategory([(0, 0.8), (1, 0.9)], ["modified_huber_with_a_long_name", "log"], "auc");
        Assert.Contains("modified_huber_wi…", svg);
    }
}
