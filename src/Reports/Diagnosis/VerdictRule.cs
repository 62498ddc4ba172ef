namespace Tuner.Reports.Diagnosis;

/// <summary>One rule that can give a trial its verdict: its name, the verdict it gives, what it checks, and the check.</summary>
internal sealed record VerdictRule(string Name, FitKind Verdict, string Description, Func<TrialDiagnosis, DiagnosisThresholds, Finding?> Check);
