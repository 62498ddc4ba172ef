namespace Tuner.Study;

/// <summary>
/// The per-epoch validation ranking metric of every trial of a study, in memory, shared by the trial
/// threads: what pruners compare a running trial against. Seeded from the store when a study resumes.
/// A trial is only ever compared with trials of its own trainer: an MLP's first epoch says nothing when
/// set against a linear model's, which learns faster early and plateaus lower.
/// </summary>
public sealed class CurveBoard
{
    private readonly Dictionary<int, (string Trainer, SortedDictionary<int, double> Curve)> _curves = [];
    private readonly Lock _lock = new();

    public void Record(int trial, string trainer, int step, double value)
    {
        lock (_lock)
        {
            if (!_curves.TryGetValue(trial, out var entry)) _curves[trial] = entry = (trainer, []);
            entry.Curve[step] = value;
        }
    }

    /// <summary>
    /// The value each other trial of the same trainer as <paramref name="trial"/> (and among
    /// <paramref name="peers"/>, if given) reported at exactly this step.
    /// </summary>
    public List<double> ValuesAt(int step, int trial, Func<int, bool>? peers = null)
    {
        lock (_lock)
        {
            var trainer = _curves.TryGetValue(trial, out var own) ? own.Trainer : null;
            var values = new List<double>();
            foreach (var (other, (otherTrainer, curve)) in _curves)
                if (other != trial && otherTrainer == trainer && (peers is null || peers(other))
                    && curve.TryGetValue(step, out var value) && double.IsFinite(value))
                    values.Add(value);
            return values;
        }
    }

    public IReadOnlyList<double> Curve(int trial)
    {
        lock (_lock)
            return _curves.TryGetValue(trial, out var entry) ? entry.Curve.Values.ToList() : [];
    }
}
