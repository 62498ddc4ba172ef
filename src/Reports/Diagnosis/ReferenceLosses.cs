using Tuner.Trainers.Training;

namespace Tuner.Reports.Diagnosis;

/// <summary>
/// What a normal validation loss is in a study, per trainer and loss function (losses of different ones are in
/// different units): the median, over the complete trials of that trainer and loss, of their lowest validation loss.
/// </summary>
internal static class ReferenceLosses
{
    public static IReadOnlyDictionary<(string Trainer, string Loss), double> Of(
        IEnumerable<(string Trainer, string Loss, bool Complete, IReadOnlyList<EpochRecord> Curve)> trials)
    {
        var lows = new Dictionary<(string, string), List<double>>();
        foreach (var (trainer, loss, complete, curve) in trials)
        {
            if (!complete || CurveFacts.BestIndex(curve) is var best && best < 0) continue;
            if (!lows.TryGetValue((trainer, loss), out var list)) lows[(trainer, loss)] = list = [];
            list.Add(curve[best].ValidationLoss);
        }
        return lows.ToDictionary(p => p.Key, p => Median(p.Value));
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        int n = values.Count;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
