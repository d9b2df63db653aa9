using System.Text;
using System.Text.Json;
using Pipeline.Application;
using Pipeline.Application.Export;
using Pipeline.Core;
using Pipeline.Extraction.Numbers;

namespace Pipeline.Cli;

/// <summary>The output formats of `pipeline extract`.</summary>
public enum ExtractFormat
{
    Table,
    Json,
    Jsonl,
    Csv,
    Text,
}

/// <summary>A document as extracted, with the clean text its offsets point into.</summary>
public sealed record ExtractResult(ExtractedDocument Document, string CleanText);

/// <summary>Writes extraction results in each format; one writer per format, nothing else.</summary>
public static class Output
{
    /// <summary>The CSV columns (the shape lives in the application library, shared with the web's download).</summary>
    public static IReadOnlyList<string> CsvColumns => ExtractTable.Columns;

    public static void Write(IReadOnlyList<ExtractResult> results, ExtractFormat format, TextWriter w)
    {
        switch (format)
        {
            case ExtractFormat.Jsonl:
                foreach (var r in results)
                {
                    w.WriteLine(FigureJson.Serialize(r.Document));
                }

                break;
            case ExtractFormat.Json:
                w.WriteLine(FigureJson.Serialize(results.Select(r => r.Document).ToList(), indented: true));
                break;
            case ExtractFormat.Csv:
                WriteCsv(results, w);
                break;
            case ExtractFormat.Text:
                foreach (var r in results)
                {
                    w.WriteLine(r.CleanText);
                }

                break;
            default:
                WriteTable(results, w);
                break;
        }
    }

    private static void WriteCsv(IReadOnlyList<ExtractResult> results, TextWriter w) => ExtractTable.WriteCsv(results.Select(r => r.Document), w);

    /// <summary>A CSV field as the dataset export writes it (one escaping for every CSV the product writes).</summary>
    public static string Csv(string? field) => CsvTableWriter.Field(field);

    private static void WriteTable(IReadOnlyList<ExtractResult> results, TextWriter w)
    {
        foreach (var d in results.Select(r => r.Document))
        {
            w.WriteLine($"═══ {d.Title ?? d.Source}");
            var meta = new[] { d.Source, d.Published, d.Board, d.Province, d.Period is null ? null : "kỳ " + d.Period }.Where(x => x is not null);
            w.WriteLine($"    {string.Join(" · ", meta)}");
            foreach (var warning in d.Warnings)
            {
                w.WriteLine($"    ! {warning}");
            }

            if (d.Figures.Count == 0)
            {
                w.WriteLine("    (no figures)");
                w.WriteLine();
                continue;
            }

            w.WriteLine($"    {"#",3}  {"metric",-20} {"measure",-18} {"value",-26} {"period",-17} {"flags",-14} conf");
            var n = 0;
            string? lastSentence = null;
            foreach (var f in d.Figures)
            {
                n++;
                if (f.Sentence != lastSentence)
                {
                    // Figures come in text order; each sentence is printed once, above its figures.
                    w.WriteLine($"    « {f.Sentence} »");
                    lastSentence = f.Sentence;
                }

                var flags = string.Join(' ', new[]
                {
                    f.Approx == Approx.Exact ? null : FigureJson.Name(f.Approx),
                    f.Estimate ? "ước" : null,
                    f.Target ? "mục-tiêu" : null,
                    f.Scope is { } s ? FigureJson.Name(s) : null,
                }.Where(x => x is not null));
                w.WriteLine($"    {n,3}  {FigureJson.Name(f.Metric),-20} {FigureJson.Name(f.Measure),-18} {VietnameseFormat.Value(f),-26} {f.Period ?? "-",-17} {flags,-14} {f.Confidence:0.00}");
            }

            w.WriteLine();
        }
    }

    public static void WriteNumbers(NumberScan scan, bool table, bool all, TextWriter w)
    {
        var rows = scan.Quantities.Select(q => (q.Start, Json: NumberJson(q), Row: $"{q.Start,6}-{q.End,-6} {VietnameseFormat.Amount(q.Value, q.Unit) + (q.ValueMax is { } m ? $" – {VietnameseFormat.Number(m)}" : ""),-28} {q.Unit,-10} {FigureJson.Name(q.Approx),-7} {q.Text}"))
            .Concat(all ? scan.Skipped.Select(s => (s.Start, Json: SkippedJson(s), Row: s.Reading is { } r
                ? $"{s.Start,6}-{s.End,-6} {VietnameseFormat.Amount(r.Value, r.Unit) + " (not a figure)",-28} {r.Unit,-10} {FigureJson.Name(r.Approx),-7} {r.Text}  ← {s.Reason}"
                : $"{s.Start,6}-{s.End,-6} {"(not a figure)",-28} {"",-10} {"",-7} {s.Text}  ← {s.Reason}")) : [])
            .OrderBy(r => r.Start);
        if (table)
        {
            w.WriteLine($"{"span",13} {"value",-28} {"unit",-10} {"approx",-7} text");
        }

        foreach (var r in rows)
        {
            w.WriteLine(table ? r.Row : r.Json);
        }
    }

    private static string NumberJson(Quantity q)
    {
        var o = new Dictionary<string, object?>
        {
            ["text"] = q.Text,
            ["start"] = q.Start,
            ["end"] = q.End,
            ["value"] = q.Value,
            ["unit"] = q.Unit,
            ["approx"] = FigureJson.Name(q.Approx),
        };
        if (q.ValueMax is { } max)
        {
            o["range"] = new[] { q.Value, max };
        }

        return JsonSerializer.Serialize(o, FigureJson.Options);
    }

    private static string SkippedJson(SkippedNumber s)
    {
        var o = new Dictionary<string, object?> { ["text"] = s.Text, ["start"] = s.Start, ["end"] = s.End, ["skipped"] = s.Reason };
        if (s.Reading is { } r)
        {
            // A number read and then set aside (a rule's requirement) still says what it reads as.
            o["value"] = r.Value;
            o["unit"] = r.Unit;
            o["approx"] = FigureJson.Name(r.Approx);
        }

        return JsonSerializer.Serialize(o, FigureJson.Options);
    }
}
