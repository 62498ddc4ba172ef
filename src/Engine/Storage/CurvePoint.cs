namespace Tuner.Storage;

/// <summary>One trial's validation ranking metric at one step: what pruners compare.</summary>
public readonly record struct CurvePoint(long TrialId, int Step, double Value);
