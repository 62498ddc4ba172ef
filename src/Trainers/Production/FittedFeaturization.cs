using Microsoft.ML;
using Microsoft.ML.Data;
using Tuner.Trainers.Data;

namespace Tuner.Trainers.Production;

/// <summary>
/// A featurization fitted on training rows: the ML.NET transformer that model.zip carries, and the matrices
/// of in-memory rows it gives. Without text columns those are written by <see cref="CellFeaturizer"/>, which
/// applies the same constants cell by cell (and is checked to give ML.NET's matrix bit for bit); text columns'
/// n-grams go through ML.NET's own transforms.
/// </summary>
internal sealed class FittedFeaturization(FeaturizationPlan plan, FeaturizationStatistics statistics, ITransformer transformer)
{
    public FeaturizationPlan Plan => plan;

    public FeaturizationStatistics Statistics => statistics;

    public ITransformer Transformer => transformer;

    /// <summary>The length of the "Features" vector.</summary>
    public int FeatureCount(IReadOnlyList<TableColumn> columns) =>
        ((VectorDataViewType)transformer.GetOutputSchema(new ColumnarDataView(columns, []).Schema)[FeaturizationPlan.FeaturesColumn].Type).Size;

    /// <summary><paramref name="rows"/> of <paramref name="columns"/>, featurized, as the trainers take them.</summary>
    public FeatureMatrix Materialize(IReadOnlyList<TableColumn> columns, int[] rows) =>
        plan.Columns.Any(c => c.Encoding == FeatureEncoding.Text)
            ? FeatureVectors.Materialize(transformer, columns, rows)
            : new CellFeaturizer(this, columns, rows).Materialize();
}
