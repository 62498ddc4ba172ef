using Tuner.Trainers.Data;
using Tuner.Trainers.Kernels;
using Tuner.Trainers.Losses;
using Tuner.Trainers.Metrics;
using Tuner.Trainers.Optimizers;
using Tuner.Trainers.Regularizers;
using Tuner.Trainers.Schedules;

namespace Tuner.Trainers.Training;

/// <summary>
/// The epoch loop shared by the custom trainers. Each epoch: shuffle an index permutation (see EpochOrder) with the run's
/// seeded generator (rows are never copied), walk it in batches, average the batch gradient, record its
/// norm, clip it, add L2 decay, take the optimiser step, apply the L1 cumulative penalty; then score the
/// validation rows and report an <see cref="EpochRecord"/>:
/// <list type="bullet">
/// <item>TrainingLoss: mean over the epoch's rows of the (class-weighted) loss, each row measured when its
/// batch was processed (before that batch's update), without the penalty;</item>
/// <item>ValidationLoss: the same (class-weighted) mean loss on the validation rows after the epoch;</item>
/// <item>GradientNorm / LayerGradientNorms: the mean over the epoch's batches of the L2 norm of the averaged
/// batch loss gradient, before clipping and without the penalty (per layer: weights and biases);</item>
/// <item>WeightNorm: the L2 norm of all weights (biases excluded) after the epoch.</item>
/// </list>
/// Divergence (NaN/∞ in a loss or the parameters, or a training loss above 1000 × max(initial loss, 1),
/// the initial loss measured on up to 2048 training rows before the first update) ends the run as
/// <see cref="TrainingStatus.Diverged"/>: the divergent epoch's record is appended to the curve but not sent to
/// onEpoch, and the model is the best epoch so far (the initial parameters if none). Single-threaded and
/// deterministic. Binary models trained with a margin loss (the hinge family) get a Platt calibration fitted on
/// the training rows' scores once training ends (<see cref="PlattCalibration"/>); the per-epoch metric uses σ(score).
/// </summary>
internal static class MiniBatchLoop
{
    public const double DivergenceFactor = 1e3;
    public const int InitialLossRows = 2048;

    public static TrainingOutcome Run(
        IGradientModel model,
        LabeledData training,
        LabeledData validation,
        HyperParameters parameters,
        string rankingMetric,
        Func<EpochRecord, bool> onEpoch,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(onEpoch);
        if (training.Rows == 0) throw new ArgumentException("The training data has no rows.");
        if (validation.Rows == 0) throw new ArgumentException("The validation data has no rows; the per-epoch record needs them.");
        if (validation.Task != training.Task || validation.Features.Columns != training.Features.Columns)
            throw new ArgumentException("Training and validation data differ in task or column count.");
        var metric = Metrics.MetricInfo.Find(training.Task, rankingMetric)
            ?? throw new ArgumentException($"Unknown metric '{rankingMetric}' for a {training.Task} task.");

        var settings = LoopSettings.From(parameters, training.Rows);
        var loss = LossFactory.Create(training.Task, parameters);
        var schedule = ScheduleFactory.Create(parameters, settings.Epochs);
        var classWeights = ClassWeights.Create(parameters, training);
        var layout = model.Layout;
        var optimizer = OptimizerFactory.Create(parameters, layout.Count);
        var clipper = GradientClipper.Create(parameters);
        var l2 = new L2Regularizer(settings.L2);
        var l1 = new L1CumulativePenalty(settings.L1, layout);

        var random = new Random(settings.Seed);
        var weights = new float[layout.Count];
        model.Initialize(weights, random);
        var pass = new EpochPass(model, training, loss, classWeights, optimizer, clipper, l2, l1, settings.BatchSize);
        var permutation = new int[training.Rows];
        for (int i = 0; i < permutation.Length; i++) permutation[i] = i;

        double initialLoss = InitialLoss(model, weights, training, loss, classWeights);
        double divergenceLimit = DivergenceFactor * Math.Max(initialLoss, 1.0);
        var curve = new List<EpochRecord>();
        float[]? best = null;
        double bestLoss = double.PositiveInfinity;
        int bestEpoch = 0;

        for (int epoch = 1; epoch <= settings.Epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            double rate = schedule.LearningRate(epoch - 1);
            EpochOrder.Shuffle(permutation, random, training.Features.Columns);
            pass.Run(weights, permutation, rate, cancellationToken);

            double trainingLoss = pass.LossSum / training.Rows;
            var frozen = model.CreateModel(weights, loss.Link, PlattCalibration.Identity);
            var (validationLoss, validationMetric) = Evaluate(frozen, validation, loss, classWeights, metric.Name);
            var layerNorms = pass.LayerNormSums.Select(s => s / pass.Batches).ToArray();
            var record = new EpochRecord(epoch, trainingLoss, validationLoss, validationMetric, rate,
                pass.NormSum / pass.Batches, WeightNorm(weights, layout), layerNorms);

            string? reason = DivergenceReason(trainingLoss, validationLoss, weights, divergenceLimit, initialLoss);
            if (reason is not null)
            {
                curve.Add(record);
                var fallback = best ?? InitialParameters(model, settings.Seed, layout);
                return new TrainingOutcome(TrainingStatus.Diverged, $"diverged at epoch {epoch}: {reason}", curve, Final(fallback));
            }

            schedule.Observe(validationLoss);
            if (validationLoss < bestLoss)
            {
                bestLoss = validationLoss;
                bestEpoch = epoch;
                best ??= new float[layout.Count];
                weights.CopyTo(best, 0);
            }

            curve.Add(record);
            bool earlyStopping = settings.EarlyStoppingPatience > 0;
            if (!onEpoch(record))
                return new TrainingOutcome(TrainingStatus.Stopped, $"stopped by the observer after epoch {epoch}", curve,
                    Final(earlyStopping && best is not null ? best : weights));
            if (earlyStopping && epoch - bestEpoch >= settings.EarlyStoppingPatience)
                return new TrainingOutcome(TrainingStatus.Completed,
                    $"early stopping after epoch {epoch}; restored epoch {bestEpoch}", curve, Final(best!));
            if (epoch == settings.Epochs)
                return new TrainingOutcome(TrainingStatus.Completed, null, curve, Final(earlyStopping && best is not null ? best : weights));
        }

        throw new InvalidOperationException("unreachable");

        // The returned model; a margin loss's binary model gets its Platt calibration from the training rows' scores.
        IScoringModel Final(float[] parameters)
        {
            var uncalibrated = model.CreateModel(parameters, loss.Link, PlattCalibration.Identity);
            if (training.Task != TaskKind.Binary || !PlattCalibration.Needed(loss)) return uncalibrated;
            return model.CreateModel(parameters, loss.Link, PlattCalibration.Fit(uncalibrated.Scores(training.Features), training.Labels));
        }
    }

    /// <summary>Mean (class-weighted) loss and the ranking metric of a model on labelled rows.</summary>
    public static (double Loss, double Metric) Evaluate(IScoringModel model, LabeledData data, ILoss loss, float[]? classWeights, string metric)
    {
        int width = model.OutputWidth, n = data.Rows;
        var scores = model.Scores(data.Features);
        var labels = data.Labels;
        double sum = 0;
        for (int r = 0; r < n; r++)
        {
            float w = classWeights is null ? 1f : classWeights[(int)labels[r]];
            sum += w * loss.Value(scores.AsSpan(r * width, width), labels[r]);
        }

        if (n == 0) return (double.NaN, double.NaN);
        var predictions = ScoredPredictions.From(data.Task, model.Link, model.Calibration, scores, width);
        return (sum / n, MetricCalculator.Compute(labels, predictions, metric));
    }

    private static double InitialLoss(IGradientModel model, float[] weights, LabeledData training, ILoss loss, float[]? classWeights)
    {
        int rows = Math.Min(training.Rows, InitialLossRows);
        return Evaluate(model.CreateModel(weights, loss.Link, PlattCalibration.Identity), training.Prefix(rows), loss, classWeights, MetricInfo.DefaultFor(training.Task)).Loss;
    }

    private static float[] InitialParameters(IGradientModel model, int seed, ParameterLayout layout)
    {
        var initial = new float[layout.Count];
        model.Initialize(initial, new Random(seed));
        return initial;
    }

    private static string? DivergenceReason(double trainingLoss, double validationLoss, ReadOnlySpan<float> weights, double limit, double initialLoss)
    {
        if (!double.IsFinite(trainingLoss)) return $"training loss is {trainingLoss}";
        if (!VectorKernels.AllFinite(weights)) return "weights are not finite";
        if (!double.IsFinite(validationLoss)) return $"validation loss is {validationLoss}";
        if (trainingLoss > limit)
            return $"training loss {trainingLoss:G4} exceeds {DivergenceFactor:G0} × max(initial loss {initialLoss:G4}, 1)";
        return null;
    }

    private static double WeightNorm(ReadOnlySpan<float> weights, ParameterLayout layout)
    {
        double squares = 0;
        foreach (var layer in layout.Layers)
            squares += VectorKernels.SumOfSquares(weights.Slice(layer.Offset, layer.WeightCount));
        return Math.Sqrt(squares);
    }
}
