using Microsoft.ML;
using Tuner.Trainers.Data;

namespace Tuner.Data;

/// <summary>
/// One train/validation pair, featurized by a pipeline fitted on its training rows only. A holdout study
/// has one fold; cross-validation has K. <see cref="TrainingRows"/> are the training rows in the order they
/// were given, before the seeded layout <see cref="Training"/> uses.
/// </summary>
internal sealed record Fold(int Index, LabeledData Training, LabeledData Validation, ITransformer Featurizer, int[] TrainingRows, int[] ValidationRows);
