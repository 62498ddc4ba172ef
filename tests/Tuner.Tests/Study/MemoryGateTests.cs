using Tuner.Study;

namespace Tuner.Tests.Study;

/// <summary>
/// A trial starts only when the memory it is expected to add fits in what is left (here an injected machine, so the
/// answers are exact): with room to spare nothing waits, a tree trial that does not fit beside another waits for it,
/// a light trial still runs beside a tree, a lone trial always runs, and a stopped study ends the wait.
/// </summary>
public sealed class MemoryGateTests
{
    private const long Gib = 1L << 30;
    private const long Matrix = Gib;
    private const long Resident = 2 * Gib;

    /// <summary>What a trial of the trainer is expected to add before the study has measured it.</summary>
    private static long Need(string trainer) => new TrialMemoryNeeds(Matrix, 0).Expected(trainer);

    private sealed class Machine(long available, long resident)
    {
        public long Available { get; set; } = available;

        public long Resident { get; set; } = resident;

        public int Collections { get; private set; }

        public MemoryGate Gate() => new(new TrialMemoryNeeds(Matrix, Resident), () => Available, () => Resident, () => Collections++);
    }

    [Fact]
    public void With_memory_to_spare_tree_trials_start_side_by_side_at_once()
    {
        var machine = new Machine(available: 24 * Gib, resident: Resident);
        var gate = machine.Gate();

        var first = gate.AdmitAsync("fasttree", CancellationToken.None);
        var second = gate.AdmitAsync("fastforest", CancellationToken.None);

        Assert.True(first.IsCompletedSuccessfully);
        Assert.True(second.IsCompletedSuccessfully);
        Assert.Equal(2, gate.Running);
        Assert.Equal(0, machine.Collections);
    }

    [Fact]
    public async Task A_tree_trial_that_does_not_fit_beside_another_waits_for_it_and_starts_when_it_ends()
    {
        var machine = new Machine(available: Resident + Need("fasttree") + Need("lightgbm") - 1, resident: Resident);
        var gate = machine.Gate();
        var first = await gate.AdmitAsync("fasttree", CancellationToken.None);

        var second = gate.AdmitAsync("lightgbm", CancellationToken.None);

        Assert.False(second.IsCompleted);
        Assert.Equal(1, machine.Collections); // the garbage was collected once before it had to wait
        first.Dispose();
        Assert.True(second.IsCompletedSuccessfully);
        Assert.Equal("lightgbm", (await second).Trainer);
        Assert.Equal(1, gate.Running);
    }

    [Fact]
    public async Task A_light_trial_runs_beside_a_tree_trial_when_it_fits()
    {
        var machine = new Machine(available: Resident + Need("fastforest") + Need("sgd"), resident: Resident);
        var gate = machine.Gate();
        using var tree = await gate.AdmitAsync("fastforest", CancellationToken.None);

        var light = gate.AdmitAsync("sgd", CancellationToken.None);

        Assert.True(light.IsCompletedSuccessfully);
        Assert.Equal(2, gate.Running);
    }

    [Fact]
    public async Task A_trial_that_fits_nowhere_still_runs_alone_so_the_study_never_deadlocks()
    {
        var machine = new Machine(available: Resident, resident: Resident);
        var gate = machine.Gate();

        var alone = gate.AdmitAsync("fasttree", CancellationToken.None);

        Assert.True(alone.IsCompletedSuccessfully);
        var next = gate.AdmitAsync("sgd", CancellationToken.None);
        Assert.False(next.IsCompleted);
        (await alone).Dispose();
        Assert.True(next.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Waiting_trials_start_in_arrival_order_and_a_later_light_one_does_not_overtake_a_waiting_tree()
    {
        var machine = new Machine(available: Resident + Need("fastforest") + Need("sgd"), resident: Resident);
        var gate = machine.Gate();
        var first = await gate.AdmitAsync("fasttree", CancellationToken.None);
        var tree = gate.AdmitAsync("fastforest", CancellationToken.None);

        var light = gate.AdmitAsync("sgd", CancellationToken.None);

        Assert.False(tree.IsCompleted);
        Assert.False(light.IsCompleted);
        first.Dispose();
        Assert.True(tree.IsCompletedSuccessfully);
        Assert.True(light.IsCompletedSuccessfully);
        Assert.Equal(2, gate.Running);
    }

    [Fact]
    public async Task A_stopped_study_ends_the_wait_and_lets_the_next_waiting_trial_start()
    {
        var machine = new Machine(available: Resident + Need("fasttree") + Need("sgd"), resident: Resident);
        var gate = machine.Gate();
        using var running = await gate.AdmitAsync("fasttree", CancellationToken.None);
        using var stop = new CancellationTokenSource();
        var stopped = gate.AdmitAsync("fastforest", stop.Token);
        var light = gate.AdmitAsync("sgd", CancellationToken.None);

        stop.Cancel();

        Assert.True(stopped.IsCanceled);
        await Assert.ThrowsAsync<TaskCanceledException>(() => stopped);
        Assert.True(light.IsCompletedSuccessfully);
        Assert.Equal(2, gate.Running);
    }

    [Fact]
    public async Task A_trainer_measured_alone_is_judged_by_its_own_peak_and_not_by_one_shared_with_another_trial()
    {
        var machine = new Machine(available: Resident + Need("fastforest") + Need("sgd"), resident: Resident);
        var gate = machine.Gate();
        // fastforest ran alone and added only a quarter of the matrix: two of it now fit side by side.
        using (var alone = await gate.AdmitAsync("fastforest", CancellationToken.None)) alone.Finished(Resident + Matrix / 4);
        // A peak measured beside another trial is not its own: sgd's stays the estimate from the matrix.
        using (var shared = await gate.AdmitAsync("sgd", CancellationToken.None))
        using (var beside = await gate.AdmitAsync("fastforest", CancellationToken.None))
            shared.Finished(Resident + 3 * Matrix);

        using var first = await gate.AdmitAsync("fastforest", CancellationToken.None);
        var second = gate.AdmitAsync("fastforest", CancellationToken.None);
        var light = gate.AdmitAsync("sgd", CancellationToken.None);

        Assert.True(second.IsCompletedSuccessfully);
        Assert.True(light.IsCompletedSuccessfully);
        Assert.Equal(Matrix / 4, first.ExpectedBytes);
    }
}
