using Microsoft.ML;
using Microsoft.ML.Data;
using Tuner.Trainers.Data;

namespace Tuner.Benchmarks;

/// <summary>An ML.NET view of a <see cref="LabeledData"/>, with the vector size set at runtime.</summary>
internal static class MlNetData
{
    public sealed class Row
    {
        public bool Label { get; set; }

        public float[] Features { get; set; } = [];
    }

    public static IDataView Load(MLContext ml, LabeledData data)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, data.Features.Columns);
        return ml.Data.LoadFromEnumerable(Rows(data), schema);
    }

    /// <summary>Caches the view and fills the cache with one full pass, so timing excludes it.</summary>
    public static IDataView LoadCached(MLContext ml, LabeledData data)
    {
        var cached = ml.Data.Cache(Load(ml, data));
        using var cursor = cached.GetRowCursor(cached.Schema);
        var getter = cursor.GetGetter<VBuffer<float>>(cached.Schema[nameof(Row.Features)]);
        var buffer = default(VBuffer<float>);
        while (cursor.MoveNext()) getter(ref buffer);
        return cached;
    }

    private static IEnumerable<Row> Rows(LabeledData data)
    {
        for (int r = 0; r < data.Rows; r++)
            yield return new Row { Label = data.Labels[r] > 0.5f, Features = data.Features.Row(r).ToArray() };
    }
}
