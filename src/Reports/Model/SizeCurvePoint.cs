namespace Tuner.Reports.Model;

/// <summary>
/// The winner's settings trained on a share of the training rows, once per seed: the ranking metric on those
/// training rows and on the (unchanged) validation rows, one value per seed.
/// </summary>
internal sealed record SizeCurvePoint(double Share, int Rows, IReadOnlyList<double> Training, IReadOnlyList<double> Validation);
