using System.Globalization;
using Pipeline.Core;
using Pipeline.Extraction.Documents;
using Pipeline.Extraction.Figures;
using Pipeline.Extraction.Html;
using Pipeline.Extraction.Numbers;
using Pipeline.Extraction.Tables;
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
    /// <summary>
    /// Changes whenever the extraction code or its tables change (deterministic builds give an
    /// assembly a new module id only when its content changes), so stored documents know when to be re-read.
    /// </summary>
    public static readonly string Version = string.Join('-', new[] { typeof(DocumentExtractor), typeof(Figure) }
        .Select(t => t.Assembly.ManifestModule.ModuleVersionId.ToString("N")[..12]));

    /// <summary>Extracts a document given as raw text or HTML (detected from the content).</summary>
    public static ExtractedDocument Extract(string source, string content, DocumentHints? hints = null)
    {
        var (prepared, metadata) = Read(content, hints);
        return Extract(source, prepared, metadata);
    }

    /// <summary>
    /// Cleans the input and reads its metadata; HTML is read as an article first (title, date line, body).
    /// Hints (a registry's province and board for a board's own page) win over what the text suggests.
    /// </summary>
    public static (PreparedText Text, DocumentMetadata Metadata) Read(string content, DocumentHints? hints = null)
    {
        if (!LooksLikeHtml(content))
        {
            var plain = PreparedText.From(content);
            return (plain, MetadataReader.Read(plain.Clean, plain.Key, hints: hints));
        }

        return FromArticle(ArticleExtractor.Extract(content), hints);
    }

    /// <summary>An article read from a page (with its site's selectors and template) made ready for the layers.</summary>
    public static (PreparedText Text, DocumentMetadata Metadata) FromArticle(Article article, DocumentHints? hints = null)
    {
        var prepared = PreparedText.From(ArticleText(article));
        // Title and date line, a blank line, then the body; with neither, the text is all body.
        var header = article.Title is null && OwnDate(article) is null ? -1 : prepared.Clean.IndexOf("\n\n", StringComparison.Ordinal);
        var metadata = MetadataReader.Read(prepared.Clean, prepared.Key, article.Title is null ? null : TextCleaner.Clean(article.Title), hints, header < 0 ? 0 : header + 2);
        if (article.Site is { } site)
        {
            // The header or footer names the board; its text stays out of the body but still says who published.
            var siteText = PreparedText.From(site);
            var fromSite = BoardNames.Find(siteText.Clean, siteText.Key).FirstOrDefault(m => m.Province is not null);
            var board = fromSite is { } b && b.Name != b.Name.ToUpperInvariant() ? b.Name : metadata.Board; // a banner in capitals reads worse than the body's mention
            metadata = metadata with
            {
                Board = hints?.Board ?? board,
                Province = hints?.Province ?? fromSite?.Province ?? metadata.Province,
            };
        }

        if (OwnDate(article) is { } published)
        {
            metadata = metadata with { Published = published[..10] };
        }

        return (prepared, metadata);
    }

    /// <summary>An article as the text the layers read and `extract --format text` prints: title, date line, body.</summary>
    public static string ArticleText(Article article)
    {
        var date = OwnDate(article) is { } p
                   && DateOnly.TryParseExact(p[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? "Ngày đăng: " + d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) + (p.Length >= 16 ? " " + p[11..16] : "")
            : null;
        return string.Join("\n", new[] { article.Title, date }.Where(x => x is not null)) + "\n\n" + article.Body;
    }

    // The date the page shows as its own (a date line, its meta tags); a date read from the URL is not one.
    private static string? OwnDate(Article article) => article.Published is { Length: >= 10 } p && article.PublishedFrom != "url" ? p : null;

    /// <param name="source">The document's name.</param>
    /// <param name="text">Its prepared text.</param>
    /// <param name="metadata">What the read stage found (title, date, board, province).</param>
    /// <param name="stages">Told as each step starts, for progress on a large input.</param>
    public static ExtractedDocument Extract(string source, PreparedText text, DocumentMetadata metadata, IProgress<ReadingStage>? stages = null)
    {
        stages?.Report(ReadingStage.Numbers);
        var scan = QuantityRecognizer.Scan(text.Clean, text.Key);
        stages?.Report(ReadingStage.Figures);
        var publishedYear = metadata.Published is { Length: >= 4 } p && int.TryParse(p[..4], CultureInfo.InvariantCulture, out var y) ? y : 0;
        var context = DocumentPeriod.Decide(text, metadata, publishedYear);
        var periods = PeriodRecognizer.Find(text.Key, context.ReferenceYear, context.ReferenceMonth);
        // Tables give figures of their own, read from their headers; their lines are not read as sentences.
        var tables = TableExtractor.Read(text.Clean, context);
        var sentenceFigures = FigureExtractor.Extract(text.Clean, text.Key, text.Sentences, scan, periods, context, skip: tables);
        stages?.Report(ReadingStage.Tables);
        var figures = UnitCheck.Flag(TableExtractor.Merge(SentenceSubjects.Fill(text.Clean, text.Sentences, sentenceFigures), tables));
        var warnings = scan.Skipped.Where(s => s.Reason.StartsWith("malformed", StringComparison.Ordinal))
            .Select(s => $"skipped '{s.Text}' at {s.Start}: {s.Reason}").ToList();
        return new ExtractedDocument
        {
            Source = source,
            Title = metadata.Title,
            TitleIsFirstSentence = metadata.TitleIsFirstSentence,
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
