namespace Tuner.Study;

/// <summary>
/// The per-epoch validation ranking metric of every trial of a study, in memory, shared by the trial
/// threads: what pruners compare a running trial against. Seeded from the store when a study resumes.
/// </summary>
public sealed class CurveBoard
{
    private readonly Dictionary<int, SortedDictionary<int, double>> _curves = [];
    private readonly Lock _lock = new();

    public void Record(int trial, int step, double value)
    {
        lock (_lock)
        {
            if (!_curves.TryGetValue(trial, out var curve)) _curves[trial] = curve = [];
            curve[step] = value;
        }
    }

    /// <summary>The value each other trial (among <paramref name="peers"/>, if given) reported at exactly this step.</summary>
    public List<double> ValuesAt(int step, int exceptTrial, Func<int, bool>? peers = null)
    {
        lock (_lock)
        {
            var values = new List<double>();
            foreach (var (trial, curve) in _curves)
                if (trial != exceptTrial && (peers is null || peers(trial)) && curve.TryGetValue(step, out var value) && double.IsFinite(value))
                    values.Add(value);
            return values;
        }
    }

    public IReadOnlyList<double> Curve(int trial)
    {
        lock (_lock)
            return _curves.TryGetValue(trial, out var curve) ? curve.Values.ToList() : [];
    }
}
