using Microsoft.ML;
using Microsoft.ML.Data;
using System.Reflection;
using Tuner.Trainers.Data;
using Tuner.Trainers.Training;

namespace Tuner.Trainers.MlNet;

/// <summary>
/// Runs an ML.NET trainer behind the same contract as our own trainers. ML.NET trainers do not report
/// epochs, so the curve is empty and the run cannot be pruned. Binary trainers without a calibrated
/// probability (perceptron, SVM, forest) get a Platt calibrator fitted on the training rows.
/// </summary>
internal sealed class MlNetTrainer(MlNetTrainerSpec spec, int seed) : IEpochTrainer
{
    public MlNetTrainerSpec Spec { get; } = spec;

    public TrainingOutcome Train(
        LabeledData training,
        LabeledData validation,
        HyperParameters parameters,
        string rankingMetric,
        Func<EpochRecord, bool> onEpoch,
        CancellationToken cancellationToken)
    {
        var model = Fit(Spec, seed, training, parameters, cancellationToken);
        return new TrainingOutcome(TrainingStatus.Completed, null, [], new MlNetModel(model, training.Task, training.ClassCount));
    }

    /// <summary>Fits the trainer on the rows; the cancellation token interrupts ML.NET's own loop.</summary>
    internal static ITransformer Fit(MlNetTrainerSpec spec, int seed, LabeledData training, HyperParameters parameters, CancellationToken cancellationToken)
    {
        var ml = new MLContext(seed);
        using var registration = cancellationToken.Register(() => CancelExecution(ml));
        var trainView = new MatrixDataView(training);
        try
        {
            var model = spec.Create(ml, parameters).Fit(trainView);
            if (training.Task == TaskKind.Binary && model.GetOutputSchema(trainView.Schema).GetColumnOrNull("Probability") is null)
            {
                var calibrator = ml.BinaryClassification.Calibrators.Platt(MatrixDataView.LabelColumn).Fit(model.Transform(trainView));
                model = new TransformerChain<ITransformer>(model, calibrator);
            }

            return model;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // ML.NET reports its own cancellation as a plain exception.
            throw new OperationCanceledException(cancellationToken);
        }
        catch (InvalidOperationException e) when (e.Message.Contains("NaN or Infinite", StringComparison.Ordinal))
        {
            // Online gradient descent and the perceptrons check their weights and throw this when they blow up.
            throw new DivergenceException($"diverged: {e.Message}", e);
        }
    }

    // ML.NET 5 keeps MLContext.CancelExecution internal (public only through the Experimental package,
    // which is not available here). Without it a long Fit cannot be interrupted on Ctrl+C or a time budget.
    private static readonly MethodInfo? CancelExecutionMethod =
        typeof(MLContext).GetMethod("CancelExecution", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public);

    private static void CancelExecution(MLContext ml) => CancelExecutionMethod?.Invoke(ml, null);
}
