using Microsoft.ML;
using Tuner.Trainers.Data;
using Tuner.Trainers.Metrics;
using Tuner.Trainers.Training;

namespace Tuner.Trainers.MlNet;

/// <summary>A fitted ML.NET model over the "Features" column, read back into <see cref="Predictions"/>.</summary>
internal sealed class MlNetModel(ITransformer transformer, TaskKind task, int classCount) : ITrainedModel
{
    public ITransformer Transformer { get; } = transformer;

    public Predictions Predict(FeatureMatrix features)
    {
        var labels = new float[features.Rows]; // the label column is not read when scoring
        var input = new MatrixDataView(new LabeledData(features, labels, task, task == TaskKind.Binary ? 2 : classCount));
        return ScoreColumns.Read(Transformer.Transform(input), task, features.Rows, classCount);
    }
}
