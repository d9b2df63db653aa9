namespace Pipeline.Extraction.Tables;

/// <summary>What a row of a table is: a header row, a section row ("I. Dự án FDI") or a row of the table's body.</summary>
public enum TableRowKind
{
    Header,
    Section,
    Body,
}

/// <summary>
/// One cell of a table as the table reader sees it: table (from 1, in text order), row and column (from 1, as the
/// cells stand in the row: a header row that lost its merged cells has fewer), the headers above its column (upper
/// rows first; none for a header or section row) and its row's label, its text and offsets into the clean text.
/// </summary>
public sealed record CellRow(int Table, int Row, int Column, TableRowKind Kind, IReadOnlyList<string> HeaderPath, string? RowHeader, string Text, int Start, int End);

/// <summary>
/// Every table of a clean text as cells, for keeping the tables as data: the same tables, headers and row labels
/// that the figures of <see cref="TableFigureReader"/> are read from, so a figure can be checked against its cell
/// (same offsets). A table of non-figures (a phone directory) is kept too: it is a table, it just gives no figure.
/// </summary>
public static class TableCells
{
    public static IReadOnlyList<CellRow> Read(string clean)
    {
        var cells = new List<CellRow>();
        foreach (var (table, number) in TableFinder.Find(clean).Select((t, i) => (t, i + 1)))
        {
            var layout = TableLayout.Read(table);
            foreach (var (row, r) in table.Rows.Select((row, i) => (row, i)))
            {
                var kind = r < layout.HeaderRows ? TableRowKind.Header : row.IsSection ? TableRowKind.Section : TableRowKind.Body;
                var label = kind == TableRowKind.Body ? layout.LabelOf(row) : null;
                foreach (var (cell, c) in row.Cells.Select((cell, i) => (cell, i)))
                {
                    var path = kind == TableRowKind.Body && c < layout.HeaderPaths.Count ? layout.HeaderPaths[c] : [];
                    cells.Add(new CellRow(number, r + 1, c + 1, kind, path, string.IsNullOrEmpty(label) ? null : label, cell.Text, cell.Start, cell.End));
                }
            }
        }

        return cells;
    }
}
