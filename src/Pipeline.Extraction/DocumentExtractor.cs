using System.Globalization;
using Pipeline.Core;
using Pipeline.Extraction.Documents;
using Pipeline.Extraction.Figures;
using Pipeline.Extraction.Html;
using Pipeline.Extraction.Numbers;
using Pipeline.Extraction.Text;

namespace Pipeline.Extraction;

/// <summary>A text made ready for the layers: the clean text offsets point into, its folded match key, its sentences.</summary>
public sealed record PreparedText(string Clean, string Key, IReadOnlyList<Sentence> Sentences)
{
    public static PreparedText From(string raw)
    {
        var clean = TextCleaner.Clean(raw);
        return new PreparedText(clean, MatchKey.Fold(clean), SentenceSplitter.Split(clean));
    }
}

/// <summary>
/// One document through the stages: read (HTML or text) → clean → numbers → metadata and periods →
/// figures. Every stage is a pure function; this type only chains them.
/// </summary>
public static class DocumentExtractor
{
    /// <summary>Extracts a document given as raw text or HTML (detected from the content).</summary>
    public static ExtractedDocument Extract(string source, string content)
    {
        var (prepared, metadata) = Read(content);
        return Extract(source, prepared, metadata);
    }

    /// <summary>Cleans the input and reads its metadata; HTML goes through the HTML reader first.</summary>
    public static (PreparedText Text, DocumentMetadata Metadata) Read(string content)
    {
        string? htmlTitle = null;
        string? htmlDate = null;
        var raw = content;
        if (LooksLikeHtml(content))
        {
            var html = HtmlReader.Read(content);
            raw = html.Text;
            htmlTitle = html.Title;
            htmlDate = html.Published;
        }

        var prepared = PreparedText.From(raw);
        var metadata = MetadataReader.Read(prepared.Clean, prepared.Key, htmlTitle is null ? null : TextCleaner.Clean(htmlTitle));
        if (htmlDate is not null && DateOnly.TryParseExact(htmlDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            metadata = metadata with { Published = htmlDate };
        }

        return (prepared, metadata);
    }

    public static ExtractedDocument Extract(string source, PreparedText text, DocumentMetadata metadata)
    {
        var scan = QuantityRecognizer.Scan(text.Clean, text.Key);
        var publishedYear = metadata.Published is { Length: >= 4 } p && int.TryParse(p[..4], CultureInfo.InvariantCulture, out var y) ? y : 0;
        var context = DocumentPeriod.Decide(text, metadata, publishedYear);
        var periods = PeriodRecognizer.Find(text.Key, context.ReferenceYear, context.ReferenceMonth);
        var figures = FigureExtractor.Extract(text.Clean, text.Key, text.Sentences, scan, periods, context);
        var warnings = scan.Skipped.Where(s => s.Reason.StartsWith("malformed", StringComparison.Ordinal))
            .Select(s => $"skipped '{s.Text}' at {s.Start}: {s.Reason}").ToList();
        return new ExtractedDocument
        {
            Source = source,
            Title = metadata.Title,
            Published = metadata.Published,
            Board = metadata.Board,
            Province = metadata.Province,
            Period = context.Period,
            Figures = figures,
            Warnings = warnings,
        };
    }

    public static bool LooksLikeHtml(string content)
    {
        var head = content.AsSpan(0, Math.Min(content.Length, 2048)).TrimStart();
        return head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
               || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
               || head.Contains("<body", StringComparison.OrdinalIgnoreCase)
               || (head.StartsWith("<", StringComparison.Ordinal) && head.Contains("</", StringComparison.Ordinal));
    }
}
