namespace Pipeline.Extraction.Tables;

/// <summary>One cell of a table as it stands in the clean text (offsets into it; a header built from two lines may hold text of its own).</summary>
public sealed record TableCell(string Text, int Start, int End)
{
    public bool IsEmpty => Text.Length == 0;

    /// <summary>What the cell says (<see cref="CellValue.ReadCell"/>): read once, as layout and reader both ask.</summary>
    public CellReading Reading { get; } = CellValue.ReadCell(Text);

    /// <summary>The one number the cell holds, or null.</summary>
    public decimal? Number => Reading.Number;
}

/// <summary>One line of a table: its cells, or a section row ("I. Dự án FDI") when it has one cell only.</summary>
public sealed record TableRow(IReadOnlyList<TableCell> Cells, int Start, int End, string Line)
{
    /// <summary>A row naming a part of the table ("I. Dự án FDI"): one text cell, no number.</summary>
    public bool IsSection { get; } = Cells.Count(c => !c.IsEmpty) == 1 && !Cells.Any(c => c.Number is not null);
}

/// <summary>
/// A table found in the clean text: its rows in order, the short line just above it (a caption or
/// "ĐVT: tỷ đồng") and the paragraph before that (the lead), which give unit, scope and period.
/// </summary>
public sealed record TextTable(IReadOnlyList<TableRow> Rows, int Start, int End, string? Caption, string? Lead);
