namespace Tuner.Study;

/// <summary>
/// Lets a trial start only when the memory it is expected to add (<see cref="TrialMemoryNeeds"/>) fits in what the
/// machine has left: the memory available to the process less its resident set and less what the trials already
/// admitted are expected to add (they may not have allocated it yet). A trial that does not fit waits, in arrival
/// order, until running trials finish; a trial is always admitted when none is running, so one trial always runs
/// and the gate never deadlocks. With memory to spare nothing waits. Before a trial is made to wait, the garbage
/// of finished trials is collected once, since it may be all that fills the resident set.
/// </summary>
internal sealed class MemoryGate
{
    private readonly TrialMemoryNeeds _needs;
    private readonly Func<long> _available;
    private readonly Func<long> _resident;
    private readonly Action _collect;
    private readonly object _sync = new();
    private readonly List<Lease> _running = [];
    private readonly LinkedList<Waiter> _waiting = [];

    public MemoryGate(TrialMemoryNeeds needs, Func<long> available, Func<long> resident, Action collect) =>
        (_needs, _available, _resident, _collect) = (needs, available, resident, collect);

    /// <summary>The gate of this process: its available memory as the GC sees it (physical memory or a container's limit) and its resident set.</summary>
    public static MemoryGate ForProcess(long trainingMatrixBytes)
    {
        var resident = () => Environment.WorkingSet;
        return new MemoryGate(new TrialMemoryNeeds(trainingMatrixBytes, resident()), () => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes, resident,
            () => GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true));
    }

    /// <summary>Trials admitted and not yet finished.</summary>
    public int Running
    {
        get
        {
            lock (_sync) return _running.Count;
        }
    }

    /// <summary>Blocks until a trial of <paramref name="trainer"/> may start; dispose the lease when it ends.</summary>
    /// <exception cref="OperationCanceledException">The study stopped while the trial waited.</exception>
    public Lease Admit(string trainer, CancellationToken cancellationToken) => AdmitAsync(trainer, cancellationToken).GetAwaiter().GetResult();

    /// <summary>Completes when a trial of <paramref name="trainer"/> may start (at once when it fits); dispose the lease when it ends.</summary>
    public Task<Lease> AdmitAsync(string trainer, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var lease = new Lease(this, trainer, _needs.Expected(trainer));
        lock (_sync)
        {
            if (_waiting.Count == 0 && (Fits(lease) || CollectedAndFits(lease))) return Task.FromResult(Start(lease));
            var waiter = new Waiter(lease);
            var node = _waiting.AddLast(waiter);
            waiter.Registration = cancellationToken.Register(() =>
            {
                lock (_sync)
                {
                    if (node.List is null) return;
                    _waiting.Remove(node);
                    waiter.Admitted.TrySetCanceled(cancellationToken);
                    AdmitWaiting();
                }
            });
            return waiter.Admitted.Task;
        }
    }

    private bool Fits(Lease lease)
    {
        if (_running.Count == 0) return true;
        var promised = _running.Sum(l => l.ExpectedBytes);
        return lease.ExpectedBytes <= _available() - _resident() - promised;
    }

    private bool CollectedAndFits(Lease lease)
    {
        _collect();
        return Fits(lease);
    }

    private Lease Start(Lease lease)
    {
        if (_running.Count > 0)
        {
            lease.Shared = true;
            foreach (var other in _running) other.Shared = true;
        }

        _running.Add(lease);
        return lease;
    }

    private void Finish(Lease lease)
    {
        lock (_sync)
        {
            if (!_running.Remove(lease)) return;
            AdmitWaiting();
        }
    }

    /// <summary>Admits waiting trials in arrival order while the first of them fits. Call under the lock.</summary>
    private void AdmitWaiting()
    {
        var collected = false;
        while (_waiting.First is { } first)
        {
            var waiter = first.Value;
            var fits = Fits(waiter.Lease);
            if (!fits && !collected)
            {
                collected = true;
                fits = CollectedAndFits(waiter.Lease);
            }

            if (!fits) return;
            _waiting.RemoveFirst();
            // Unregister, not Dispose: Dispose would wait for a cancellation callback that is waiting for this lock.
            waiter.Registration.Unregister();
            waiter.Admitted.TrySetResult(Start(waiter.Lease));
        }
    }

    private sealed class Waiter(Lease lease)
    {
        public Lease Lease { get; } = lease;

        public TaskCompletionSource<Lease> Admitted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenRegistration Registration { get; set; }
    }

    /// <summary>One admitted trial's place; disposing it lets waiting trials start.</summary>
    public sealed class Lease(MemoryGate gate, string trainer, long expectedBytes) : IDisposable
    {
        public string Trainer { get; } = trainer;

        /// <summary>What the trial was expected to add when it was admitted.</summary>
        public long ExpectedBytes { get; } = expectedBytes;

        /// <summary>Whether another trial ran beside it at some point (its peak then is not its own).</summary>
        internal bool Shared { get; set; }

        /// <summary>Records the trial's peak resident set: learned as its trainer's need when it ran alone.</summary>
        public void Finished(long peakBytes)
        {
            bool alone;
            lock (gate._sync) alone = !Shared;
            if (alone) gate._needs.Observe(Trainer, peakBytes);
        }

        public void Dispose() => gate.Finish(this);
    }
}
