using Tuner.Trainers.Data;

namespace Tuner.Data;

/// <summary>
/// One column of a CSV file. A column whose every cell is a number or missing, by the study's
/// <see cref="CellFormat"/>, holds only the values (<see cref="Numbers"/>, NaN missing); any other holds each
/// cell's text as the file has it, quotes removed (<see cref="Cells"/>, equal texts sharing one string).
/// </summary>
internal sealed record CsvColumn(float[]? Numbers, string[]? Cells)
{
    public bool IsNumeric => Numbers is not null;

    public int Count => Numbers?.Length ?? Cells!.Length;

    /// <summary>The cell as text, for messages and labels: the file's text, or the number read from it.</summary>
    public string Text(int row) => Cells is not null ? Cells[row]
        : float.IsNaN(Numbers![row]) ? "" : Numbers[row].ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
