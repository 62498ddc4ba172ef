using Tuner.Reports.Diagnosis;
using Tuner.Trainers.Data;
using Xunit.Abstractions;

namespace Reports.Tests.Diagnosis.Corpus;

/// <summary>The verdicts against the hand labels of the corpus: at least 90% overall and 80% for each label.</summary>
public sealed class AgreementTests(ITestOutputHelper output)
{
    private static readonly string[] Labels = ["diverged", "too_short", "unstable", "overfitting", "underfitting", "good_fit"];

    [Fact]
    public void The_corpus_covers_every_label_every_ending_and_every_task()
    {
        var corpus = LabelledCurve.Load();
        Assert.True(corpus.Count >= 150, $"{corpus.Count} labelled curves");
        foreach (var label in Labels) Assert.True(corpus.Count(c => c.Label == label) >= 5, $"{corpus.Count(c => c.Label == label)} curves labelled {label}");
        foreach (var end in new[] { CurveEnd.AllEpochs, CurveEnd.EarlyStopping, CurveEnd.Pruned })
            Assert.Contains(corpus, c => c.Trial.Curve.Count > 0 && c.Trial.End == end);
        foreach (var task in Enum.GetValues<TaskKind>())
            Assert.Contains(corpus, c => c.Task == task && c.Trial.Curve.Count > 0);
    }

    [Fact]
    public void The_verdicts_agree_with_the_labels()
    {
        var corpus = LabelledCurve.Load();
        var verdicts = corpus.Select(c => (c, Verdict: LabelledCurve.LabelOf(FitDiagnoser.Diagnose(c.Trial).Kind))).ToArray();
        output.WriteLine($"{"label",-14}{"curves",8}{"agree",8}   verdicts given");
        foreach (var label in Labels)
        {
            var of = verdicts.Where(v => v.c.Label == label).ToArray();
            var given = string.Join(", ", of.GroupBy(v => v.Verdict).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}"));
            output.WriteLine($"{label,-14}{of.Length,8}{Share(of.Count(v => v.Verdict == label), of.Length),8}   {given}");
        }
        int agreed = verdicts.Count(v => v.Verdict == v.c.Label);
        output.WriteLine($"{"all",-14}{verdicts.Length,8}{Share(agreed, verdicts.Length),8}");
        foreach (var miss in verdicts.Where(v => v.Verdict != v.c.Label))
            output.WriteLine($"  {miss.c.Id} ({miss.c.Trainer}): labelled {miss.c.Label}, verdict {miss.Verdict}");

        Assert.True(agreed >= 0.9 * verdicts.Length, $"{agreed} of {verdicts.Length} agree");
        foreach (var label in Labels)
        {
            var of = verdicts.Where(v => v.c.Label == label).ToArray();
            Assert.True(of.Count(v => v.Verdict == label) >= 0.8 * of.Length, $"{label}: {of.Count(v => v.Verdict == label)} of {of.Length} agree");
        }
    }

    private static string Share(int part, int whole) => whole == 0 ? "-" : $"{100.0 * part / whole:F0}%";
}
