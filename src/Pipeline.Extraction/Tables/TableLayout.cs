using Pipeline.Extraction.Text;

namespace Pipeline.Extraction.Tables;

/// <summary>What a column holds: row labels, row numbers, each row's unit, or figures.</summary>
public enum ColumnKind
{
    Data,
    Label,
    RowNumber,
    Unit,
}

/// <summary>A table's header read as people read it: one header text per column (upper rows first) and what each column holds.</summary>
public sealed record TableLayout(int HeaderRows, int Width, IReadOnlyList<string> Headers, IReadOnlyList<ColumnKind> Kinds, int LabelColumn)
{
    /// <summary>Each column's header texts, upper header rows first (a merged cell heads every column under it); <see cref="Headers"/> joins them.</summary>
    public IReadOnlyList<IReadOnlyList<string>> HeaderPaths { get; init; } = [];

    /// <summary>
    /// Header rows are the rows above the first row holding a number. A header row with fewer cells
    /// than the table lost its merged cells: the first cell heads the label column (it spanned the
    /// header rows), and the others share the remaining columns evenly ("Năm 2022" over "Số dự án | Vốn");
    /// a bottom header row short of cells is aligned right, under the spanning cells.
    /// </summary>
    public static TableLayout Read(TextTable table)
    {
        var rows = table.Rows;
        var headerRows = 0;
        while (headerRows < rows.Count && (!rows[headerRows].Cells.Any(c => c.Number is not null) || NamesYears(rows[headerRows])) && !rows[headerRows].IsSection)
        {
            headerRows++;
        }

        var data = rows.Skip(headerRows).Where(r => !r.IsSection).ToList();
        var width = data.Count == 0 ? 0 : data.Max(r => r.Cells.Count);
        var grid = new List<string[]>();
        for (var h = 0; h < headerRows; h++)
        {
            var cells = rows[h].Cells.Select(c => c.Text).ToList();
            var placed = new string[width];
            Array.Fill(placed, "");
            if (cells.Count >= width)
            {
                for (var c = 0; c < width; c++)
                {
                    placed[c] = cells[c];
                }
            }
            else if (h < headerRows - 1 && cells.Count > 1 && (width - 1) % (cells.Count - 1) == 0)
            {
                var span = (width - 1) / (cells.Count - 1);
                placed[0] = cells[0];
                for (var c = 1; c < cells.Count; c++)
                {
                    for (var s = 0; s < span; s++)
                    {
                        placed[1 + ((c - 1) * span) + s] = cells[c];
                    }
                }
            }
            else
            {
                var shift = width - cells.Count;
                for (var c = 0; c < cells.Count; c++)
                {
                    placed[shift + c] = cells[c];
                }
            }

            // An empty cell after a filled one in an upper header row is the rest of a merged cell.
            if (h < headerRows - 1)
            {
                for (var c = 1; c < width; c++)
                {
                    if (placed[c].Length == 0 && placed[c - 1].Length > 0 && c > 1)
                    {
                        placed[c] = placed[c - 1];
                    }
                }
            }

            grid.Add(placed);
        }

        var paths = Enumerable.Range(0, width)
            .Select(c => (IReadOnlyList<string>)grid.Select(g => g[c]).Where(t => t.Length > 0).Distinct().ToList())
            .ToList();
        var headers = paths.Select(p => string.Join(" ", p)).ToList();
        var kinds = new ColumnKind[width];
        for (var c = 0; c < width; c++)
        {
            var key = MatchKey.Fold(headers[c]).Trim();
            var column = data.Where(r => c < r.Cells.Count).Select(r => r.Cells[c]).Where(t => t.Text.Length > 0 && t.Text != "-").ToList();
            var cells = column.Select(t => t.Text).ToList();
            var numeric = column.Count(t => t.Number is not null);
            if (HeaderWords.RowNumbers.IsWhole(key))
            {
                kinds[c] = ColumnKind.RowNumber;
            }
            else if (HeaderWords.UnitColumns.IsWhole(key) || (cells.Count > 0 && cells.All(t => UnitReader.Read(t) is not null)))
            {
                kinds[c] = ColumnKind.Unit;
            }
            else if (cells.Count > 0 && numeric * 2 < cells.Count)
            {
                kinds[c] = ColumnKind.Label;
            }
            else if (c == 0 && cells.Count > 0 && key.Length > 0 && !HeaderWords.MetricHits(key).Any())
            {
                // A first column of numbers under a header naming no measure ("Đợt") counts rows.
                kinds[c] = ColumnKind.RowNumber;
            }
        }

        return new TableLayout(headerRows, width, headers, kinds, RowLabelColumn(data, kinds)) { HeaderPaths = paths };
    }

    // Of several label columns the row's own is the first that is never empty beside a filled label to its right: a
    // column grouping rows (a district over its zones, merged down with rowspan) is empty on all but the first row
    // of each group while the zone beside it is named. Failing that, the first label column.
    private static int RowLabelColumn(List<TableRow> data, ColumnKind[] kinds)
    {
        var first = Array.IndexOf(kinds, ColumnKind.Label);
        if (first < 0 || Array.IndexOf(kinds, ColumnKind.Label, first + 1) < 0)
        {
            return first;
        }

        for (var c = first; c < kinds.Length; c++)
        {
            if (kinds[c] == ColumnKind.Label && !data.Exists(r => Empty(r, c) && Enumerable.Range(c + 1, kinds.Length - c - 1).Any(k => kinds[k] == ColumnKind.Label && !Empty(r, k))))
            {
                return c;
            }
        }

        return first;

        static bool Empty(TableRow row, int c) => c >= row.Cells.Count || row.Cells[c].IsEmpty;
    }

    /// <summary>
    /// A row's label: its cell in the label column, or where that is empty the nearest text to its left (a total
    /// row's "Tổng cộng" merged over the row-number and label columns stands in the first of them).
    /// </summary>
    public string LabelOf(TableRow row)
    {
        if (LabelColumn < 0)
        {
            return "";
        }

        for (var c = Math.Min(LabelColumn, row.Cells.Count - 1); c >= 0; c--)
        {
            var cell = row.Cells[c];
            if (!cell.IsEmpty)
            {
                return c == LabelColumn || cell.Number is null ? cell.Text : "";
            }
        }

        return "";
    }

    // A header row of years ("Chỉ tiêu | ĐVT | 2021 | 2022 | 2023"): its numbers are years, two at least, rising left to right.
    private static bool NamesYears(TableRow row)
    {
        var last = 0;
        var years = 0;
        foreach (var cell in row.Cells)
        {
            if (cell.Number is not { } n)
            {
                continue;
            }

            if (cell.Text.Length != 4 || n < 1900 || n > 2100 || n <= last)
            {
                return false;
            }

            (last, years) = ((int)n, years + 1);
        }

        return years >= 2;
    }
}
