using System.Globalization;
using Tuner.Data;
using Tuner.Trainers.Data;

namespace Tuner.Tests.Data;

public sealed class CsvReaderTests
{
    private static CsvTable Read(string text, params string[] textColumns) =>
        CsvReader.Read(() => new StringReader(text), "t.csv", CellFormat.Default, textColumns.ToHashSet());

    [Fact]
    public void Reads_quoted_fields_with_commas_quotes_and_line_breaks()
    {
        var table = Read("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n1,NA,\n");

        Assert.Equal(["a", "b", "c"], table.Header);
        Assert.Equal(["x, y", "1"], table.Columns[0].Cells!);
        Assert.Equal(["say \"hi\"", "NA"], table.Columns[1].Cells!); // what a cell means is CellFormat's to say
        Assert.Equal(["two\nlines", ""], table.Columns[2].Cells!);
    }

    [Fact]
    public void Detects_tab_delimiter_from_the_header()
    {
        var table = Read("a\tb\n1,5\t2\n");
        Assert.Equal(["1,5"], table.Columns[0].Cells!);
        Assert.Equal([2f], table.Columns[1].Numbers!);
    }

    [Fact]
    public void A_column_of_numbers_and_missing_cells_keeps_only_the_numbers()
    {
        var table = Read("x,y\n1.5,a\nNA,b\n,c\n-2e3,d\n");

        Assert.Equal([1.5f, float.NaN, float.NaN, -2000f], table.Columns[0].Numbers!);
        Assert.Null(table.Columns[0].Cells);
        Assert.Equal(["a", "b", "c", "d"], table.Columns[1].Cells!);
    }

    [Fact]
    public void A_column_that_turns_out_not_to_be_numeric_keeps_every_cell_as_the_file_has_it()
    {
        // Numbers first, text later: the column is read again, so "01" stays "01", not 1.
        var table = Read("code,other\n01,1\n2.50,2\nNA,3\nbig,4\n");
        Assert.Equal(["01", "2.50", "NA", "big"], table.Columns[0].Cells!);
        Assert.Equal([1f, 2f, 3f, 4f], table.Columns[1].Numbers!);

        // Missing cells first, then text: "NA" is a category of a text column, so it is kept too.
        Assert.Equal(["NA", "", "red"], Read("c,d\nNA,1\n,2\nred,3\n").Columns[0].Cells!);
    }

    [Fact]
    public void Columns_asked_for_as_text_stay_text()
    {
        Assert.Equal(["1", "1.0"], Read("label\n1\n1.0\n", "label").Columns[0].Cells!);
    }

    [Fact]
    public void Records_longer_than_the_read_buffer_and_many_rows_read_back_exactly()
    {
        var random = new Random(5);
        var values = Enumerable.Range(0, 30_000).Select(_ => Math.Round(random.NextDouble() * 2000 - 1000, random.Next(0, 6))).ToArray();
        var longText = new string('w', 200_000); // one field larger than the 64K read buffer
        var csv = "x,t\n" + string.Concat(values.Select((v, i) =>
            $"{v.ToString(CultureInfo.InvariantCulture)},{(i == 7 ? $"\"{longText}\"" : i % 3 == 0 ? "\"q,\"\"q\"\"\"" : "plain")}\r\n"));

        var table = Read(csv);

        Assert.Equal(values.Select(v => (float)v), table.Columns[0].Numbers!);
        Assert.Equal(longText, table.Columns[1].Cells![7]);
        Assert.Equal("q,\"q\"", table.Columns[1].Cells![3]);
        Assert.Equal("plain", table.Columns[1].Cells![4]);
    }

    [Fact]
    public void Ragged_row_names_its_line()
    {
        var error = Assert.Throws<UserInputException>(() => Read("a,b\n1,2\n\"q\nq\",2\n3\n"));
        Assert.Contains("line 5", error.Message);
        Assert.Contains("1 fields", error.Message);
    }

    [Fact]
    public void Empty_and_header_only_files_are_rejected()
    {
        Assert.Contains("empty", Assert.Throws<UserInputException>(() => Read("")).Message);
        Assert.Contains("no data rows", Assert.Throws<UserInputException>(() => Read("a,b\n")).Message);
    }
}
