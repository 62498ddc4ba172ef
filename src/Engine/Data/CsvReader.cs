using System.Text;
using Tuner.Trainers.Data;

namespace Tuner.Data;

/// <summary>
/// Reads a delimited text file with a header row (see <see cref="CsvTokenizer"/> for the syntax) into columns
/// (<see cref="CsvColumn"/>): numbers where every cell is a number or missing, by <see cref="CellFormat"/>, the
/// cells' text otherwise and for the columns named as text. The file streams through once; a column that turns
/// out not to be numeric after all is read again, alone, as text. What a text cell means is
/// <see cref="CellFormat"/>'s to say.
/// </summary>
internal static class CsvReader
{
    public static CsvTable Read(string path, CellFormat format, IReadOnlySet<string>? textColumns = null)
    {
        if (!File.Exists(path))
            throw new UserInputException($"Data file '{path}' does not exist; check the path passed to --data.");
        return Read(() => new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16), path, format, textColumns);
    }

    /// <summary>Reads the text <paramref name="open"/> gives (opened a second time when a column must be read again).</summary>
    public static CsvTable Read(Func<TextReader> open, string path, CellFormat format, IReadOnlySet<string>? textColumns = null)
    {
        var (names, builders) = Collect(open, path, header => header.Select(n => new CsvColumnBuilder(format, textColumns?.Contains(n) == true)).ToArray());
        var again = builders.Select((b, i) => (b, i)).Where(x => x.b!.NeedsText).Select(x => x.i).ToHashSet();
        if (again.Count > 0)
        {
            var (_, text) = Collect(open, path, header => header.Select((_, i) => again.Contains(i) ? new CsvColumnBuilder(format, asText: true) : null).ToArray());
            foreach (var i in again) builders[i] = text[i]!;
        }

        var columns = builders.Select(b => b!.Build()).ToList();
        if (columns[0].Count == 0)
            throw new UserInputException($"Data file '{path}' has a header but no data rows; add rows below the header.");
        return new CsvTable(path, names, columns, columns[0].Count);
    }

    /// <summary>The column names of a data file, reading its header row only.</summary>
    public static IReadOnlyList<string> ReadHeader(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Header(new CsvTokenizer(reader, path), path);
    }

    /// <summary>Streams every record into the builders <paramref name="create"/> makes from the header (null: column skipped).</summary>
    private static (List<string> Names, CsvColumnBuilder?[] Builders) Collect(Func<TextReader> open, string path, Func<IReadOnlyList<string>, CsvColumnBuilder?[]> create)
    {
        using var reader = open();
        var tokenizer = new CsvTokenizer(reader, path);
        var names = Header(tokenizer, path);
        var builders = create(names);
        while (tokenizer.Next())
        {
            if (tokenizer.IsBlank) continue;
            if (tokenizer.FieldCount != names.Count)
                throw new UserInputException(
                    $"Data file '{path}' line {tokenizer.StartLine} has {tokenizer.FieldCount} fields but the header has {names.Count}; fix or remove that row.");
            for (var i = 0; i < builders.Length; i++)
                builders[i]?.Add(tokenizer.Field(i));
        }

        return (names, builders);
    }

    private static List<string> Header(CsvTokenizer tokenizer, string path)
    {
        if (!tokenizer.Next() || Enumerable.Range(0, tokenizer.FieldCount).All(i => tokenizer.Field(i).IsWhiteSpace()))
            throw new UserInputException($"Data file '{path}' is empty; it needs a header row and at least one data row.");

        var names = Enumerable.Range(0, tokenizer.FieldCount)
            .Select(i => tokenizer.Field(i).Trim().ToString() is { Length: > 0 } name ? name : $"column{i + 1}").ToList();
        var duplicate = names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new UserInputException($"Data file '{path}' has two columns named '{duplicate.Key}'; rename one in the header.");
        return names;
    }
}
