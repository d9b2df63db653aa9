using Pipeline.Core;
using Pipeline.Extraction.Figures;
using Pipeline.Extraction.Text;

namespace Pipeline.Extraction.Tables;

/// <summary>The figures a document's tables gave, and the spans of the tables that gave them.</summary>
public sealed record TableReading(IReadOnlyList<Figure> Figures, IReadOnlyList<TextSpan> Covered)
{
    public static readonly TableReading None = new([], []);

    /// <summary>Whether a span lies within a table that gave figures (its sentence reading gives way).</summary>
    public bool Covers(int start, int end) => Covered.Any(t => start < t.End && end > t.Start);

    /// <summary>Whether a span lies wholly within such a table: a sentence there is a table row, not read as prose.</summary>
    public bool Holds(int start, int end) => Covered.Any(t => start >= t.Start && end <= t.End);
}

/// <summary>
/// The table step of a document: finds its tables, reads their figures, and merges them with the
/// sentence figures: where a table gave figures, the sentence reading of its lines gives way (a row
/// read as a sentence has lost its headers), so those lines are not read as sentences at all.
/// </summary>
public static class TableExtractor
{
    public static TableReading Read(string clean, DocumentContext context)
    {
        var tables = TableFinder.Find(clean);
        if (tables.Count == 0)
        {
            return TableReading.None;
        }

        var fromTables = new List<Figure>();
        var covered = new List<TextSpan>();
        foreach (var table in tables)
        {
            var figures = TableFigureReader.Read(table, context);
            if (figures.Count > 0)
            {
                fromTables.AddRange(figures);
                covered.Add(new TextSpan(table.Start, table.End));
            }
        }

        return fromTables.Count == 0 ? TableReading.None : new TableReading(fromTables, covered);
    }

    public static IReadOnlyList<Figure> Merge(IReadOnlyList<Figure> sentenceFigures, TableReading tables) =>
        tables.Figures.Count == 0
            ? sentenceFigures
            : sentenceFigures.Where(f => !tables.Covers(f.Start, f.End)).Concat(tables.Figures).OrderBy(f => f.Start).ToList();
}
