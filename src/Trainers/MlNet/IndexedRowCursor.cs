using Microsoft.ML;
using Microsoft.ML.Data;

namespace Tuner.Trainers.MlNet;

/// <summary>
/// The plumbing of a cursor over an in-memory table: walks row indexes 0…rows−1, in a given order when one
/// is passed (shuffled views). Subclasses supply the getters, reading <see cref="Row"/>.
/// </summary>
internal abstract class IndexedRowCursor(DataViewSchema schema, int rows, int[]? order) : DataViewRowCursor
{
    private long _position = -1;

    public override long Position => _position;

    public override long Batch => 0;

    public override DataViewSchema Schema => schema;

    /// <summary>The table row the cursor is on.</summary>
    protected int Row => order is null ? (int)_position : order[_position];

    public override bool MoveNext() => ++_position < rows;

    public override bool IsColumnActive(DataViewSchema.Column column) => true;

    public override ValueGetter<DataViewRowId> GetIdGetter() =>
        (ref DataViewRowId value) => value = new DataViewRowId((ulong)_position, 0);
}
