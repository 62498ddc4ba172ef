using Tuner.Trainers.Data;
using Tuner.Trainers.Metrics;

namespace Tuner.Trainers.Training;

/// <summary>A fitted model that scores featurized rows.</summary>
public interface ITrainedModel
{
    Predictions Predict(FeatureMatrix features);
}
