using System.Runtime.CompilerServices;
using Tuner.Trainers.Training;

namespace Tuner.Search.Tpe;

/// <summary>One parameter of one trial as the models read it: a number in the estimator's internal space, or a choice's index.</summary>
internal readonly record struct ParameterCode(bool Has, double Value);

/// <summary>One trial's parameters as the models read them, in its trainer's order, and where its numbers sit in <see cref="SortedValues"/>.</summary>
internal sealed class TrialCodes(ParameterCode[] codes)
{
    public ParameterCode[] Codes { get; } = codes;

    /// <summary>Per parameter, this trial's value among the sampler's sorted values of it, once it has been placed there.</summary>
    internal readonly SortedValues.Entry?[] Places = new SortedValues.Entry?[codes.Length];
}

/// <summary>
/// Each trial's parameters as the models read them, worked out once per trial instead of at every proposal (at
/// thousands of trials, looking each value up and formatting each choice again cost more than the models): for
/// each parameter of the trial's trainer, in the space's order, the value in the internal space (log for
/// log-scale) when it is a number inside the range, or the index of the choice it took. Kept for as long as the
/// history holds the trial's <see cref="HyperParameters"/>, which are immutable. Also keeps, per numeric parameter,
/// the values of the trials seen so far in order (<see cref="SortedValues"/>). Not thread-safe: the sampler locks.
/// </summary>
internal sealed class ParameterCodes
{
    private sealed record Entry(TrainerSpace Trainer, TrialCodes Codes);

    private readonly ConditionalWeakTable<HyperParameters, Entry> _cache = new();
    private readonly Dictionary<(TrainerSpace Trainer, int Index), SortedValues> _sorted = [];

    public TrialCodes For(TrainerSpace trainer, HyperParameters parameters)
    {
        if (_cache.TryGetValue(parameters, out var entry) && ReferenceEquals(entry.Trainer, trainer)) return entry.Codes;
        var codes = new TrialCodes(Encode(trainer, parameters));
        _cache.AddOrUpdate(parameters, new Entry(trainer, codes));
        return codes;
    }

    /// <summary>The sorted values of the parameter at <paramref name="index"/> of <paramref name="trainer"/>.</summary>
    public SortedValues Sorted(TrainerSpace trainer, int index)
    {
        if (!_sorted.TryGetValue((trainer, index), out var sorted)) _sorted[(trainer, index)] = sorted = new SortedValues(index);
        return sorted;
    }

    private static ParameterCode[] Encode(TrainerSpace trainer, HyperParameters parameters)
    {
        var codes = new ParameterCode[trainer.Parameters.Count];
        for (var i = 0; i < codes.Length; i++)
        {
            var spec = trainer.Parameters[i];
            if (!parameters.Values.TryGetValue(spec.Name, out var value)) continue;
            switch (spec)
            {
                case FloatParameter or IntParameter:
                    var scale = NumericScale.Of(spec);
                    if (value is double d && scale.Contains(d)) codes[i] = new ParameterCode(true, scale.ToInternal(d));
                    break;
                case CategoricalParameter categorical:
                    if (ParameterModel.IndexOf(categorical, value) is var index and >= 0) codes[i] = new ParameterCode(true, index);
                    break;
            }
        }

        return codes;
    }
}

/// <summary>
/// The values one numeric parameter took in the trials the sampler has seen, in ascending order, so that each
/// proposal reads its bad trials' values already sorted (a pass over this list) instead of sorting thousands of
/// them again: a trial's value is placed once, by binary search, when the trial is first seen. Equal values keep the
/// order they were placed in, not the observations' order, which no one can tell apart but 0 from -0; those are
/// written back in the observations' order. Values no longer observed (a running trial's record replaced by its
/// finished one) are dropped once they outnumber the observed ones.
/// </summary>
internal sealed class SortedValues(int index)
{
    internal sealed class Entry(double value, TrialCodes owner)
    {
        public double Value { get; } = value;
        public TrialCodes Owner { get; } = owner;
        public int Stamp;
        public int Count;
    }

    private readonly List<Entry> _entries = [];
    private int _stamp;

    /// <summary>
    /// The parameter's values in <paramref name="observations"/> where set, clamped to the range, ascending, as a
    /// stable sort of them in that order gives them, at the start of an array with one more slot.
    /// </summary>
    public (double[] Values, int Count) Of(IReadOnlyList<TrialCodes> observations, double low, double high)
    {
        var stamp = ++_stamp;
        var count = 0;
        var negativeZero = false;
        foreach (var observation in observations)
        {
            if (observation.Codes[index] is not { Has: true } code) continue;
            var entry = observation.Places[index] ??= Place(code.Value, observation);
            if (entry.Stamp != stamp) (entry.Stamp, entry.Count) = (stamp, 0);
            entry.Count++;
            count++;
            var x = Math.Clamp(code.Value, low, high);
            negativeZero |= x == 0 && double.IsNegative(x);
        }

        var values = GC.AllocateUninitializedArray<double>(count + 1);
        var at = 0;
        var unobserved = 0;
        foreach (var entry in _entries)
        {
            if (entry.Stamp != stamp)
            {
                unobserved++;
                continue;
            }

            // Clamping is monotone, so the clamped values stay in order (and the values are in the range anyway).
            var value = Math.Clamp(entry.Value, low, high);
            for (var c = 0; c < entry.Count; c++) values[at++] = value;
        }

        if (negativeZero)
        {
            var first = Array.IndexOf(values, 0.0, 0, count);
            foreach (var observation in observations)
                if (observation.Codes[index] is { Has: true } code && Math.Clamp(code.Value, low, high) is 0 and var zero)
                    values[first++] = zero;
        }

        if (unobserved > _entries.Count - unobserved + 64) Drop(stamp);
        return (values, count);
    }

    private Entry Place(double value, TrialCodes owner)
    {
        // After the equal values already placed.
        var (low, high) = (0, _entries.Count);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_entries[middle].Value <= value) low = middle + 1;
            else high = middle;
        }

        var entry = new Entry(value, owner);
        _entries.Insert(low, entry);
        return entry;
    }

    private void Drop(int stamp)
    {
        foreach (var entry in _entries.Where(e => e.Stamp != stamp)) entry.Owner.Places[index] = null;
        _entries.RemoveAll(e => e.Stamp != stamp);
    }
}
