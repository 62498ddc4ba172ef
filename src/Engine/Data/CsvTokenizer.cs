namespace Tuner.Data;

/// <summary>
/// Splits delimited text into records of fields, streaming: comma or tab (the first one the header uses),
/// fields optionally quoted with "" as an escaped quote, line breaks allowed inside quotes, carriage returns
/// outside quotes dropped. After <see cref="Next"/> the record's fields are <see cref="Field"/>(0 … FieldCount−1),
/// valid until the next call; nothing is allocated per field.
/// </summary>
internal sealed class CsvTokenizer(TextReader reader, string path)
{
    private readonly char[] _buffer = new char[1 << 16];
    private int _position, _end;
    private char[] _fields = new char[1024];
    private int _length;
    private int[] _fieldEnds = new int[64];
    private int _line = 1;
    private bool _detectDelimiter = true;

    /// <summary>',' until the header shows a tab before any comma.</summary>
    public char Delimiter { get; private set; } = ',';

    public int FieldCount { get; private set; }

    /// <summary>The line the current record starts on (1 is the header).</summary>
    public int StartLine { get; private set; }

    public ReadOnlySpan<char> Field(int index)
    {
        var start = index == 0 ? 0 : _fieldEnds[index - 1];
        return _fields.AsSpan(start, _fieldEnds[index] - start);
    }

    /// <summary>True when the current record is a blank line.</summary>
    public bool IsBlank => FieldCount == 1 && _fieldEnds[0] == 0;

    /// <summary>Reads the next record; false at the end of the text.</summary>
    public bool Next()
    {
        StartLine = _line;
        FieldCount = 0;
        _length = 0;
        if (_position == _end && !Fill()) return false;

        var fieldStart = 0;
        var inQuotes = false;
        while (true)
        {
            if (_position == _end && !Fill())
            {
                if (inQuotes)
                    throw new UserInputException($"Data file '{path}' line {StartLine} opens a quoted field that never closes; add the closing quote.");
                break;
            }

            var ch = _buffer[_position++];
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (Peek() == '"') { Append('"'); _position++; }
                    else inQuotes = false;
                }
                else
                {
                    if (ch == '\n') _line++;
                    Append(ch);
                }

                continue;
            }

            if (ch == '"' && _length == fieldStart) { inQuotes = true; continue; }
            if (ch == '\r') continue;
            if (ch == '\n') { _line++; break; }
            if (_detectDelimiter && ch is ',' or '\t')
            {
                Delimiter = ch;
                _detectDelimiter = false;
            }

            if (ch == Delimiter)
            {
                EndField();
                fieldStart = _length;
                continue;
            }

            Append(ch);
        }

        EndField();
        _detectDelimiter = false;
        return true;
    }

    private int Peek() => _position < _end || Fill() ? _buffer[_position] : -1;

    private bool Fill()
    {
        _end = reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _end > 0;
    }

    private void Append(char ch)
    {
        if (_length == _fields.Length) Array.Resize(ref _fields, _fields.Length * 2);
        _fields[_length++] = ch;
    }

    private void EndField()
    {
        if (FieldCount == _fieldEnds.Length) Array.Resize(ref _fieldEnds, _fieldEnds.Length * 2);
        _fieldEnds[FieldCount++] = _length;
    }
}
