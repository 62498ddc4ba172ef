using Tuner.Data;

namespace Tuner.Tests.Data;

public sealed class CsvReaderTests
{
    [Fact]
    public void Reads_quoted_fields_with_commas_quotes_and_line_breaks()
    {
        var table = CsvReader.Read(new StringReader("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n1,NA,\n"), "t.csv");

        Assert.Equal(["a", "b", "c"], table.Header);
        Assert.Equal<string?>(["x, y", "say \"hi\"", "two\nlines"], table.Rows[0].AsEnumerable());
        Assert.Equal<string?>(["1", "NA", ""], table.Rows[1].AsEnumerable()); // what a cell means is CellFormat's to say
    }

    [Fact]
    public void Detects_tab_delimiter_from_the_header()
    {
        var table = CsvReader.Read(new StringReader("a\tb\n1,5\t2\n"), "t.tsv");
        Assert.Equal<string?>(["1,5", "2"], table.Rows[0].AsEnumerable());
    }

    [Fact]
    public void Ragged_row_names_its_line()
    {
        var error = Assert.Throws<UserInputException>(() => CsvReader.Read(new StringReader("a,b\n1,2\n\"q\nq\",2\n3\n"), "t.csv"));
        Assert.Contains("line 5", error.Message);
        Assert.Contains("1 fields", error.Message);
    }

    [Fact]
    public void Empty_and_header_only_files_are_rejected()
    {
        Assert.Contains("empty", Assert.Throws<UserInputException>(() => CsvReader.Read(new StringReader(""), "t.csv")).Message);
        Assert.Contains("no data rows", Assert.Throws<UserInputException>(() => CsvReader.Read(new StringReader("a,b\n"), "t.csv")).Message);
    }
}
