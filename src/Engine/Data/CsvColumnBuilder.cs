using Tuner.Trainers.Data;

namespace Tuner.Data;

/// <summary>
/// Collects one column's cells while the file streams by: as numbers while every cell so far is a number or
/// missing (then no text is kept once a number was read), as text otherwise or when asked. A column whose first
/// cells were numbers and that then meets a cell that is not one gives up (<see cref="NeedsText"/>); the reader
/// then reads that column again as text.
/// </summary>
internal sealed class CsvColumnBuilder
{
    // Beyond this many distinct texts a column is prose, not categories: sharing strings no longer pays.
    private const int SharedTextLimit = 1 << 16;

    private readonly CellFormat _format;
    private readonly bool _fastNumbers;
    private float[]? _numbers;
    private string[]? _cells;
    private Dictionary<string, string>? _shared;
    private List<string>? _leadingMissing = [];
    private int _count;

    public CsvColumnBuilder(CellFormat format, bool asText)
    {
        _format = format;
        // A missing-value token that looks like a plain number ("-999") must be seen before the fast path reads it.
        _fastNumbers = !format.NumericMissing.Any(t => DecimalFastPath.TryParse(t.AsSpan().Trim(), out _));
        if (asText) StartText();
        else _numbers = new float[1024];
    }

    public bool NeedsText { get; private set; }

    public void Add(ReadOnlySpan<char> cell)
    {
        if (NeedsText) return;
        if (_numbers is not null)
        {
            if (TryNumber(cell, out var value))
            {
                AddNumber(value, cell);
                return;
            }

            if (_leadingMissing is null)
            {
                NeedsText = true;
                _numbers = null;
                return;
            }

            SwitchToText();
        }

        Append(Share(cell));
    }

    private bool TryNumber(ReadOnlySpan<char> cell, out float value)
    {
        if (_fastNumbers && DecimalFastPath.TryParse(cell, out var plain))
        {
            value = (float)plain;
            return true;
        }

        return _format.TryNumber(cell, out value);
    }

    private void AddNumber(float value, ReadOnlySpan<char> cell)
    {
        if (_count == _numbers!.Length) Array.Resize(ref _numbers, _numbers.Length * 2);
        _numbers[_count++] = value;
        if (_leadingMissing is null) return;
        if (float.IsNaN(value)) _leadingMissing.Add(Share(cell));
        else _leadingMissing = null; // a number: from here on the column is numeric, or read again as text
    }

    private void Append(string cell)
    {
        if (_count == _cells!.Length) Array.Resize(ref _cells, _cells.Length * 2);
        _cells[_count++] = cell;
    }

    public CsvColumn Build()
    {
        if (NeedsText) throw new InvalidOperationException("The column must be read again as text.");
        return _numbers is not null ? new CsvColumn(_numbers[.._count], null) : new CsvColumn(null, _cells![.._count]);
    }

    private void StartText()
    {
        _cells = new string[1024];
        _shared ??= new Dictionary<string, string>(StringComparer.Ordinal);
    }

    /// <summary>Only missing cells so far, then text: the column is text from its first cell.</summary>
    private void SwitchToText()
    {
        var leading = _leadingMissing!;
        _leadingMissing = null;
        _numbers = null;
        StartText();
        _count = 0;
        foreach (var cell in leading) Append(cell);
    }

    private string Share(ReadOnlySpan<char> cell)
    {
        _shared ??= new Dictionary<string, string>(StringComparer.Ordinal);
        var lookup = _shared.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(cell, out var known)) return known;
        var text = cell.ToString();
        if (_shared.Count < SharedTextLimit) _shared[text] = text;
        return text;
    }
}
