using System.Globalization;
using Pipeline.Core;

namespace Pipeline.Application.Export;

/// <summary>
/// The figures of extracted documents as one CSV table, one row per figure with its document's fields:
/// the shape of `pipeline extract --format csv` and of the web's extract download, written once here.
/// </summary>
public static class ExtractTable
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "source", "title", "published", "board", "province", "document_period",
        "metric", "measure", "value", "value_max", "unit", "approx", "estimate", "target", "scope", "period",
        "text", "start", "end", "sentence", "confidence", "rule",
    ];

    /// <summary>Each figure's cells, in <see cref="Columns"/> order, as text (invariant numbers, true/false, empty for none).</summary>
    public static IEnumerable<string?[]> Rows(ExtractedDocument d) => d.Figures.Select(f => new string?[]
    {
        d.Source, d.Title, d.Published, d.Board, d.Province, d.Period,
        FigureJson.Name(f.Metric), FigureJson.Name(f.Measure), Invariant(f.Value), f.ValueMax is { } m ? Invariant(m) : "",
        f.Unit, FigureJson.Name(f.Approx), f.Estimate ? "true" : "false", f.Target ? "true" : "false",
        f.Scope is { } s ? FigureJson.Name(s) : "", f.Period, f.Text, Invariant(f.Start), Invariant(f.End), f.Sentence,
        f.Confidence.ToString("0.00", CultureInfo.InvariantCulture), f.Rule,
    });

    /// <summary>The header line and every figure's row, CRLF-ended, escaped as every CSV of the product is.</summary>
    public static void WriteCsv(IEnumerable<ExtractedDocument> documents, TextWriter w)
    {
        w.Write(string.Join(',', Columns) + "\r\n");
        foreach (var row in documents.SelectMany(Rows))
        {
            w.Write(string.Join(',', row.Select(CsvTableWriter.Field)) + "\r\n");
        }
    }

    private static string Invariant(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(int i) => i.ToString(CultureInfo.InvariantCulture);
}
