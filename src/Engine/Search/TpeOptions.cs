namespace Tuner.Search;

/// <summary>
/// Settings of <see cref="TpeSampler"/>. <paramref name="StartupTrials"/> finished trials are drawn at random
/// before the model is used; <paramref name="Candidates"/> draws from the good-region density compete on the
/// ratio l(x)/g(x); <paramref name="PriorWeight"/> is the weight of the uniform prior in every density.
/// <paramref name="PerSecond"/> chooses the trainer by the time it is expected to take to improve the study rather
/// than per trial (see <see cref="Tpe.TrainerChoice"/>): right when the budget is time, and it makes proposals depend on
/// measured trial times, so it is off when only a number of trials bounds the study and runs must repeat exactly.
/// </summary>
public sealed record TpeOptions(int StartupTrials = 10, int Candidates = 24, double PriorWeight = 1.0, bool PerSecond = false)
{
    public static TpeOptions Default { get; } = new();

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(StartupTrials);
        ArgumentOutOfRangeException.ThrowIfLessThan(Candidates, 1);
        if (!(PriorWeight > 0) || double.IsInfinity(PriorWeight))
            throw new ArgumentOutOfRangeException(nameof(PriorWeight), PriorWeight, "The prior weight must be a positive finite number.");
    }
}
