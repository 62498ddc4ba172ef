namespace Tuner.Study;

/// <summary>A stored study and a summary of its trials.</summary>
public sealed record StudyInfo(long Id, string Name, DateTimeOffset Created, StudyConfig Config);

/// <summary>One line of `tuner studies`.</summary>
public sealed record StudySummary(string Name, DateTimeOffset Created, string Task, string Metric, int Trials, int Complete, double? BestValue);
