using Tuner.Trainers.Data;
using Tuner.Trainers.Metrics;

namespace Tuner.Trainers.Training;

/// <summary>A fitted model that scores featurized rows.</summary>
internal interface ITrainedModel
{
    Predictions Predict(FeatureMatrix features);
}
