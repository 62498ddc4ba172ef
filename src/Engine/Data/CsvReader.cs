using System.Text;

namespace Tuner.Data;

/// <summary>
/// Reads a delimited text file with a header row: comma or tab (whichever the header uses), fields
/// optionally quoted with "" as an escaped quote, line breaks allowed inside quotes. Cells are kept as the
/// file has them (quotes removed); what they mean is <see cref="Tuner.Trainers.Data.CellFormat"/>'s to say.
/// </summary>
internal static class CsvReader
{
    public static CsvTable Read(string path)
    {
        if (!File.Exists(path))
            throw new UserInputException($"Data file '{path}' does not exist; check the path passed to --data.");
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader, path);
    }

    /// <summary>The column names of a data file, reading its header row only.</summary>
    public static IReadOnlyList<string> ReadHeader(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var lineNumber = 1;
        return Header(reader, path, ref lineNumber, out _);
    }

    public static CsvTable Read(TextReader reader, string path)
    {
        var lineNumber = 1;
        var names = Header(reader, path, ref lineNumber, out var delimiter);

        var rows = new List<string[]>();
        while (true)
        {
            var record = ReadRecord(reader, delimiter, ref lineNumber, path, out var startLine, detectFrom: false, out _);
            if (record is null) break;
            if (record.Count == 1 && record[0].Length == 0) continue; // blank line
            if (record.Count != names.Count)
                throw new UserInputException(
                    $"Data file '{path}' line {startLine} has {record.Count} fields but the header has {names.Count}; fix or remove that row.");
            rows.Add(record.ToArray());
        }

        if (rows.Count == 0)
            throw new UserInputException($"Data file '{path}' has a header but no data rows; add rows below the header.");
        return new CsvTable(path, names, rows);
    }

    private static List<string> Header(TextReader reader, string path, ref int lineNumber, out char delimiter)
    {
        var header = ReadRecord(reader, ',', ref lineNumber, path, out _, detectFrom: true, out delimiter);
        if (header is null || header.Count == 0 || header.All(string.IsNullOrWhiteSpace))
            throw new UserInputException($"Data file '{path}' is empty; it needs a header row and at least one data row.");

        var names = header.Select((h, i) => string.IsNullOrWhiteSpace(h) ? $"column{i + 1}" : h.Trim()).ToList();
        var duplicate = names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new UserInputException($"Data file '{path}' has two columns named '{duplicate.Key}'; rename one in the header.");
        return names;
    }

    private static List<string>? ReadRecord(
        TextReader reader, char delimiter, ref int lineNumber, string path, out int startLine, bool detectFrom, out char detected)
    {
        startLine = lineNumber;
        detected = delimiter;
        if (reader.Peek() < 0) return null;

        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var raw = detectFrom ? new StringBuilder() : null;
        while (true)
        {
            var c = reader.Read();
            if (c < 0)
            {
                if (inQuotes)
                    throw new UserInputException($"Data file '{path}' line {startLine} opens a quoted field that never closes; add the closing quote.");
                break;
            }

            var ch = (char)c;
            raw?.Append(ch);
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"') { field.Append('"'); reader.Read(); raw?.Append('"'); }
                    else inQuotes = false;
                }
                else
                {
                    if (ch == '\n') lineNumber++;
                    field.Append(ch);
                }

                continue;
            }

            if (ch == '"' && field.Length == 0) { inQuotes = true; continue; }
            if (ch == '\r') continue;
            if (ch == '\n') { lineNumber++; break; }
            if (detectFrom && (ch == ',' || ch == '\t'))
            {
                // The header decides the delimiter: the first separator seen outside quotes.
                delimiter = ch;
                detected = ch;
                detectFrom = false;
            }

            if (ch == delimiter) { fields.Add(field.ToString()); field.Clear(); continue; }
            field.Append(ch);
        }

        fields.Add(field.ToString());
        return fields;
    }
}
