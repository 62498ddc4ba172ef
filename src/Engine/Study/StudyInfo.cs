namespace Tuner.Study;

/// <summary>A stored study; <see cref="Plan"/> is null for a study created before plans were stored.</summary>
public sealed record StudyInfo(long Id, string Name, DateTimeOffset Created, StudyConfig Config, StudyPlan? Plan = null);

/// <summary>One line of `tuner studies`.</summary>
public sealed record StudySummary(string Name, DateTimeOffset Created, string Task, string Metric, int Trials, int Complete, double? BestValue);
