using Tuner.Trainers.Training;

namespace Tuner.Search.Tpe;

/// <summary>
/// One parameter of one trial as the models read it: a number in the estimator's internal space, or a choice's
/// index; and for a number, its slot in the sampler's <see cref="SortedValues"/> of it once placed there, else -1.
/// </summary>
internal struct ParameterCode(bool has, double value)
{
    public readonly bool Has = has;
    public readonly double Value = value;
    public int Slot = -1;
}

/// <summary>One trial's parameters as the models read them, in its trainer's order.</summary>
internal sealed class TrialCodes(ParameterCode[] codes)
{
    public ParameterCode[] Codes { get; } = codes;
}

/// <summary>
/// Encodes a trial's parameters as the models read them, once per trial (the <see cref="HistoryIndex"/> keeps the
/// codes; at thousands of trials, looking each value up and formatting each choice again at every proposal cost
/// more than the models): for each parameter of the trial's trainer, in the space's order, the value in the
/// internal space (log for log-scale) when it is a number inside the range, or the index of the choice it took.
/// Also keeps, per numeric parameter, the values of the trials seen so far in order (<see cref="SortedValues"/>).
/// Not thread-safe.
/// </summary>
internal sealed class ParameterCodes
{
    private readonly Dictionary<(TrainerSpace Trainer, int Index), SortedValues> _sorted = [];

    /// <summary>The sorted values of the parameter at <paramref name="index"/> of <paramref name="trainer"/>.</summary>
    public SortedValues Sorted(TrainerSpace trainer, int index)
    {
        if (!_sorted.TryGetValue((trainer, index), out var sorted)) _sorted[(trainer, index)] = sorted = new SortedValues(index);
        return sorted;
    }

    public TrialCodes Encode(TrainerSpace trainer, HyperParameters parameters)
    {
        var codes = new ParameterCode[trainer.Parameters.Count];
        for (var i = 0; i < codes.Length; i++)
        {
            codes[i] = new ParameterCode(false, 0);
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

        return new TrialCodes(codes);
    }
}

/// <summary>
/// The values one numeric parameter took in the trials the sampler has seen, in ascending order, so that each
/// proposal reads its bad trials' values already sorted (a pass over this list) instead of sorting thousands of
/// them again: a trial's value is placed once, by binary search, when the trial is first seen. Equal values keep the
/// order they were placed in, not the observations' order, which no one can tell apart but 0 from -0; those are
/// written back in the observations' order. Values no longer observed (a running trial's record replaced by its
/// finished one) are dropped once they outnumber the observed ones. The values live in slots (arrays, so that a
/// pass reads them from a few kilobytes) that never move; the order is a list of slots.
/// </summary>
internal sealed class SortedValues(int index)
{
    private readonly List<int> _order = []; // slots by ascending value
    private double[] _values = new double[64];
    private TrialCodes[] _owners = new TrialCodes[64];
    private int[] _stamps = new int[64];
    private int[] _counts = new int[64];
    private int _slots;
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
            ref var code = ref observation.Codes[index];
            if (!code.Has) continue;
            var slot = code.Slot;
            if (slot < 0) code.Slot = slot = Place(code.Value, observation);
            if (_stamps[slot] != stamp) (_stamps[slot], _counts[slot]) = (stamp, 0);
            _counts[slot]++;
            count++;
            var x = Math.Clamp(code.Value, low, high);
            negativeZero |= x == 0 && double.IsNegative(x);
        }

        var values = GC.AllocateUninitializedArray<double>(count + 1);
        var (at, observed) = (0, 0);
        foreach (var slot in _order)
        {
            if (_stamps[slot] != stamp) continue;
            observed++;
            // Clamping is monotone, so the clamped values stay in order (and the values are in the range anyway).
            var value = Math.Clamp(_values[slot], low, high);
            for (var c = _counts[slot]; c > 0; c--) values[at++] = value;
        }

        if (negativeZero)
        {
            var first = Array.IndexOf(values, 0.0, 0, count);
            foreach (var observation in observations)
                if (observation.Codes[index] is { Has: true } code && Math.Clamp(code.Value, low, high) is 0 and var zero)
                    values[first++] = zero;
        }

        if (_order.Count - observed > observed + 64) Drop(stamp);
        return (values, count);
    }

    private int Place(double value, TrialCodes owner)
    {
        if (_slots == _values.Length)
        {
            Array.Resize(ref _values, 2 * _slots);
            Array.Resize(ref _owners, 2 * _slots);
            Array.Resize(ref _stamps, 2 * _slots);
            Array.Resize(ref _counts, 2 * _slots);
        }

        var slot = _slots++;
        (_values[slot], _owners[slot], _stamps[slot], _counts[slot]) = (value, owner, 0, 0);
        // After the equal values already placed.
        var (low, high) = (0, _order.Count);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_values[_order[middle]] <= value) low = middle + 1;
            else high = middle;
        }

        _order.Insert(low, slot);
        return slot;
    }

    /// <summary>Keeps only the values observed at <paramref name="stamp"/>, in new slots, and forgets the others' slots.</summary>
    private void Drop(int stamp)
    {
        var kept = _order.Where(slot => _stamps[slot] == stamp).ToList();
        foreach (var slot in _order.Where(slot => _stamps[slot] != stamp)) _owners[slot].Codes[index].Slot = -1;
        var (values, owners, counts) = (new double[Math.Max(64, 2 * kept.Count)], new TrialCodes[Math.Max(64, 2 * kept.Count)], new int[Math.Max(64, 2 * kept.Count)]);
        _order.Clear();
        for (var i = 0; i < kept.Count; i++)
        {
            (values[i], owners[i], counts[i]) = (_values[kept[i]], _owners[kept[i]], _counts[kept[i]]);
            owners[i].Codes[index].Slot = i;
            _order.Add(i);
        }

        (_values, _owners, _counts, _stamps, _slots) = (values, owners, counts, new int[values.Length], kept.Count);
        Array.Fill(_stamps, stamp, 0, kept.Count);
    }
}
