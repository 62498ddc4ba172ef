using Tuner.Study;

namespace Tuner.Search.Tpe;

/// <summary>
/// What the sampler reads of each trial of the history, kept in flat arrays by position and brought up to date at
/// each proposal by comparing records: a history's unchanged trials are the same objects as at the last proposal,
/// so only new and changed ones are read again. With thousands of trials, reading every record (and its parameters,
/// its key) several times per proposal cost more than the model: the records lie all over the heap, and each read
/// was a cache miss. Not thread-safe: the sampler locks.
/// </summary>
internal sealed class HistoryIndex(SearchSpace? space)
{
    private readonly ParameterCodes _codes = new();
    private TrialRecord?[] _records = [];
    private TrialState[] _states = [];
    private double[] _losses = []; // the value as a loss, lower is better, when complete with a finite value; else NaN
    private int[] _numbers = [];
    private int[] _trainers = []; // the first of the space's trainers with the trial's name, or -1
    private bool[] _baselines = [];
    private bool[] _retryable = [];
    private int[] _keyHashes = [];
    private (TrainerSpace Trainer, TrialCodes Codes)?[] _trialCodes = [];
    private bool _higherIsBetter;

    public int Count { get; private set; }

    public ParameterCodes Codes => _codes;

    public TrialRecord this[int position] => _records[position]!;

    /// <summary>Reads the trials that are not the objects read last time; the direction turns values into losses.</summary>
    public void Update(IReadOnlyList<TrialRecord> history, bool higherIsBetter)
    {
        if (higherIsBetter != _higherIsBetter) Array.Clear(_records);
        _higherIsBetter = higherIsBetter;
        if (history.Count > _records.Length) Grow(Math.Max(history.Count, 2 * _records.Length));
        for (var i = 0; i < history.Count; i++)
            if (!ReferenceEquals(history[i], _records[i]))
                Read(i, history[i]);
        Array.Clear(_records, history.Count, Count > history.Count ? Count - history.Count : 0);
        Count = history.Count;
    }

    /// <summary>Whether every trainer of the space has a baseline that is not to be run again.</summary>
    public bool BaselinesDone()
    {
        var done = new bool[space!.Trainers.Count];
        for (var i = 0; i < Count; i++)
            if (_baselines[i] && !_retryable[i] && _trainers[i] >= 0)
                done[_trainers[i]] = true;
        // Trials name their trainer; a name the space has twice stands for its first.
        return space.Trainers.All(t => done[NameIndex(t.Trainer)]);
    }

    /// <summary>Finished trials other than baselines that tell the model something: complete, pruned or diverged.</summary>
    public int Informative()
    {
        var count = 0;
        for (var i = 0; i < Count; i++)
            if (!_baselines[i] && _states[i] is TrialState.Complete or TrialState.Pruned or TrialState.Diverged)
                count++;
        return count;
    }

    /// <summary>Whether a trial that is not to be run again has this key.</summary>
    public bool Seen(string key)
    {
        var hash = key.GetHashCode(StringComparison.Ordinal);
        for (var i = 0; i < Count; i++)
            if (_keyHashes[i] == hash && !_retryable[i] && _records[i]!.HasKey(key))
                return true;
        return false;
    }

    /// <summary>The split of <see cref="TpeSplit.From"/> as positions, best first: the good ones, then the bad.</summary>
    public (int[] Good, int[] Bad, double[] Losses) Split()
    {
        // The worst finite loss, as Enumerable.Max finds it (the first of equal ones); none: infinite.
        var liar = double.NaN;
        for (var i = 0; i < Count; i++)
            if (!double.IsNaN(_losses[i]) && (double.IsNaN(liar) || _losses[i] > liar))
                liar = _losses[i];
        if (double.IsNaN(liar)) liar = double.PositiveInfinity;

        var losses = new double[Count];
        var order = new List<UInt128>(Count);
        var worst = new List<UInt128>(); // infinite losses: pruned and diverged trials, often most of them
        var byNumber = true;
        var lastNumber = int.MinValue;
        for (var i = 0; i < Count; i++)
        {
            double? loss = _states[i] switch
            {
                TrialState.Complete when !double.IsNaN(_losses[i]) => _losses[i],
                TrialState.Pruned or TrialState.Diverged => double.PositiveInfinity,
                TrialState.Running => liar,
                _ => null,
            };
            if (loss is not { } l) continue;
            losses[i] = l;
            (double.IsPositiveInfinity(l) ? worst : order).Add(SortKey(l, _numbers[i], i));
            byNumber &= _numbers[i] >= lastNumber;
            lastNumber = _numbers[i];
        }

        // Ties (equal losses, all the pruned ones) are broken by trial number so the split is reproducible, and then by
        // the order in the history, as a stable sort would. The infinite losses come last, and in a history ordered by
        // number (the runner's) they already are in that order.
        order.Sort();
        if (!byNumber) worst.Sort();
        order.AddRange(worst);
        var goodCount = TpeSplit.GoodCount(order.Count);
        var positions = order.Select(key => (int)(uint)key).ToArray();
        return (positions[..goodCount], positions[goodCount..], losses);
    }

    /// <summary>The split as <see cref="TpeSplit"/> holds it, the records' trainers, parameters and losses.</summary>
    public TpeSplit ToSplit((int[] Good, int[] Bad, double[] Losses) split)
    {
        TpeObservation Observation(int position) => new(_records[position]!.Trainer, _records[position]!.Parameters, split.Losses[position]);
        return new TpeSplit(split.Good.Select(Observation).ToArray(), split.Bad.Select(Observation).ToArray());
    }

    /// <summary>The trainer a trial at this position ran, as an index into the space's trainers (the first of that name), or -1.</summary>
    public int TrainerAt(int position) => _trainers[position];

    /// <summary>The trial's parameters as <paramref name="trainer"/>'s models read them.</summary>
    public TrialCodes CodesAt(int position, TrainerSpace trainer)
    {
        if (_trialCodes[position] is { } cached && ReferenceEquals(cached.Trainer, trainer)) return cached.Codes;
        var codes = _codes.Encode(trainer, _records[position]!.Parameters);
        if (_trialCodes[position] is null) _trialCodes[position] = (trainer, codes);
        return codes;
    }

    private void Read(int i, TrialRecord trial)
    {
        _records[i] = trial;
        _states[i] = trial.State;
        _losses[i] = trial.State == TrialState.Complete && trial.Value is { } v && double.IsFinite(v) ? (_higherIsBetter ? -v : v) : double.NaN;
        _numbers[i] = trial.Number;
        _trainers[i] = space is null ? -1 : NameIndex(trial.Trainer);
        _baselines[i] = trial.IsBaseline;
        _retryable[i] = trial.IsRetryable;
        _keyHashes[i] = trial.Key.GetHashCode(StringComparison.Ordinal);
        _trialCodes[i] = null;
    }

    private int NameIndex(string trainer)
    {
        for (var t = 0; t < space!.Trainers.Count; t++)
            if (space.Trainers[t].Trainer == trainer)
                return t;
        return -1;
    }

    private void Grow(int capacity)
    {
        Array.Resize(ref _records, capacity);
        Array.Resize(ref _states, capacity);
        Array.Resize(ref _losses, capacity);
        Array.Resize(ref _numbers, capacity);
        Array.Resize(ref _trainers, capacity);
        Array.Resize(ref _baselines, capacity);
        Array.Resize(ref _retryable, capacity);
        Array.Resize(ref _keyHashes, capacity);
        Array.Resize(ref _trialCodes, capacity);
    }

    /// <summary>
    /// Orders by loss, then trial number, then position, as one integer (sorting a few thousand of them per proposal
    /// is several times cheaper than comparing tuples): the loss's bits turned so that unsigned order is numeric order
    /// (-0 taken as 0, which it equals; losses are never NaN), the number offset to unsigned, the position.
    /// </summary>
    private static UInt128 SortKey(double loss, int number, int position)
    {
        var bits = BitConverter.DoubleToUInt64Bits(loss == 0 ? 0.0 : loss);
        var ordered = (bits & 0x8000_0000_0000_0000UL) != 0 ? ~bits : bits | 0x8000_0000_0000_0000UL;
        return new UInt128(ordered, (ulong)(uint)(number ^ int.MinValue) << 32 | (uint)position);
    }
}
