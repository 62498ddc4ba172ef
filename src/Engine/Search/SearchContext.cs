namespace Tuner.Search;

/// <summary>
/// What samplers and pruners are built for: the study's search space, its seed, whether its metric is better
/// higher, and whether time bounds it.
/// </summary>
public sealed record SearchContext(SearchSpace Space, int Seed, bool HigherIsBetter, bool TimeBudget);
