using Pipeline.Core;
using Pipeline.Extraction.Figures;

namespace Pipeline.Extraction.Tables;

/// <summary>
/// The table step of a document: finds its tables, reads their figures, and merges them with the
/// sentence figures: where a table gave figures, the sentence reading of its lines gives way (a row
/// read as a sentence has lost its headers).
/// </summary>
public static class TableExtractor
{
    public static IReadOnlyList<Figure> Merge(string clean, IReadOnlyList<Figure> sentenceFigures, DocumentContext context)
    {
        var tables = TableFinder.Find(clean);
        if (tables.Count == 0)
        {
            return sentenceFigures;
        }

        var fromTables = new List<Figure>();
        var covered = new List<(int Start, int End)>();
        foreach (var table in tables)
        {
            var figures = TableFigureReader.Read(table, context);
            if (figures.Count > 0)
            {
                fromTables.AddRange(figures);
                covered.Add((table.Start, table.End));
            }
        }

        if (fromTables.Count == 0)
        {
            return sentenceFigures;
        }

        return sentenceFigures.Where(f => !covered.Any(t => f.Start < t.End && f.End > t.Start))
            .Concat(fromTables).OrderBy(f => f.Start).ToList();
    }
}
