using Microsoft.ML;
using Microsoft.ML.Data;
using Tuner.Trainers.Data;
using Tuner.Trainers.MlNet;
using Tuner.Trainers.Training;

namespace Tuner.Trainers.Production;

/// <summary>
/// The estimator behind <see cref="TunedSettings.CreatePipeline"/>: fits the featurization on the training
/// rows, trains the chosen trainer on the featurized rows exactly as the tuner did, and returns the chain
/// featurization → model, which ML.NET saves and loads like any of its own.
/// </summary>
internal sealed class TunedPipelineEstimator(MLContext ml, TunedSettings settings, IDataView? validation) : IEstimator<ITransformer>
{
    public ITransformer Fit(IDataView input)
    {
        var plan = settings.Featurization;
        var (columns, labels) = Read(input);
        // The tuner lays its training rows out in this seeded order (the trainers' blocked epoch shuffle
        // keeps neighbouring rows together, and the statistics are summed in this order).
        var order = Enumerable.Range(0, labels.Length).ToArray();
        new Random(settings.Seed).Shuffle(order);
        var trainColumns = columns.Select(c => c.Gather(order)).ToList(); // read in sequence, as the tuner does
        var inOrder = Enumerable.Range(0, order.Length).ToArray();
        var featurizer = plan.Fit(ml, trainColumns, inOrder);
        var training = Labeled(featurizer, trainColumns, inOrder, order.Select(r => labels[r]).ToArray());
        var checking = training;
        if (validation is not null)
        {
            var (validColumns, validLabels) = Read(validation);
            checking = Labeled(featurizer, validColumns, Enumerable.Range(0, validLabels.Length).ToArray(), validLabels);
        }

        return Train(ml, settings, featurizer.Transformer, featurizer.Transformer.Transform(new ColumnarDataView(trainColumns, inOrder)), training, checking);
    }

    /// <summary>
    /// Trains the chosen trainer on rows already featurized by <paramref name="featurizer"/> and chains the two. The
    /// tuner's export passes its study's featurizer and matrices, which are what <see cref="Fit"/> builds from the
    /// same rows, so a million-row model.zip is not featurized twice, and, when it still holds it, the winning trial's
    /// own model of those rows (<paramref name="trained"/>), which is that same fit, so it is not trained twice either.
    /// </summary>
    internal static ITransformer Train(MLContext ml, TunedSettings settings, ITransformer featurizer, IDataView featurized, LabeledData training, LabeledData checking, ITrainedModel? trained = null)
    {
        if (trained is null)
        {
            var outcome = TrainerRegistry.Create(settings.Trainer, settings.TrainerSeed)
                .Train(training, checking, settings.TrainerParameters, settings.Metric, _ => true, CancellationToken.None);
            if (outcome.Status == TrainingStatus.Diverged)
                throw new InvalidOperationException($"Training with the tuned settings diverged on this data: {outcome.Message}");
            trained = outcome.Model;
        }

        return new TransformerChain<ITransformer>(featurizer, ModelTransformer.From(ml, trained, settings.Task, featurized, settings.Classes));
    }

    /// <summary>
    /// Checks that the input has the columns the featurization reads, with their types, and gives the
    /// featurized shape. ML.NET keeps the constructors of schema-shape columns internal, so the model's own
    /// output columns (Score, Probability, PredictedLabel) appear only once fitted.
    /// </summary>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) =>
        settings.Featurization.Estimator(ml, FeaturizationStatistics.Unfitted(settings.Featurization)).GetOutputSchema(inputSchema);

    /// <summary>The feature columns and the encoded labels of the rows that have a label.</summary>
    private (List<TableColumn> Columns, float[] Labels) Read(IDataView view)
    {
        var (columns, labels) = DataViewColumns.Read(view, settings.Featurization.Columns, settings.Label, settings.Featurization.Cells);
        var labelled = Enumerable.Range(0, labels.Length).Where(r => labels[r] is not null).ToArray();
        if (labelled.Length == labels.Length)
            return (columns, labels.Select(l => settings.EncodeLabel(l!)).ToArray());
        var kept = columns.Select(c => c with
        {
            Numbers = c.Numbers is null ? null : labelled.Select(r => c.Numbers[r]).ToArray(),
            Strings = c.Strings is null ? null : labelled.Select(r => c.Strings[r]).ToArray(),
        }).ToList();
        return (kept, labelled.Select(r => settings.EncodeLabel(labels[r]!)).ToArray());
    }

    private LabeledData Labeled(FittedFeaturization featurizer, IReadOnlyList<TableColumn> columns, int[] rows, float[] labels) =>
        FeatureVectors.ToLabeled(featurizer, columns, rows, labels, settings.Task, settings.Classes.Count, settings.Classes);
}
