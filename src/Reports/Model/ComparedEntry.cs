namespace Tuner.Reports.Model;

/// <summary>One side of a comparison: a study's best trial (compare --study), or a study's best trial of one value of a knob (compare --by).</summary>
internal sealed record ComparedEntry(string Label, StudyReportData Study, ReportTrial Best, int Trials);
