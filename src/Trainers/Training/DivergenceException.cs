namespace Tuner.Trainers.Training;

/// <summary>
/// A trainer without its own divergence check (an ML.NET trainer) found non-finite weights: the trial diverged,
/// which ends that trial as diverged rather than failed.
/// </summary>
internal sealed class DivergenceException(string message, Exception inner) : Exception(message, inner);
