using Pipeline.Core;
using Pipeline.Extraction;
using Pipeline.Extraction.Documents;
using Pipeline.Extraction.Html;
using Pipeline.Learning;
using Pipeline.Learning.Combining;
using Pipeline.Learning.Pages;

namespace Pipeline.Processing;

/// <summary>
/// What the crawl knew of a page's source (its registry entry when the page was fetched): stored with
/// the page and reused by every later stage, so re-reading a page never depends on today's registry.
/// </summary>
/// <param name="Name">The source's name (the page's site).</param>
/// <param name="Title">The board's name, the board of its pages when their text names none.</param>
/// <param name="Province">The board's province; empty for a newspaper.</param>
/// <param name="Kind">KCN, KKT or press.</param>
/// <param name="Selectors">The source's CSS selectors for title, date and body, if any.</param>
public sealed record SourceFacts(string Name, string Title, string Province, string Kind, ArticleSelectors? Selectors = null)
{
    /// <summary>A newspaper: its header and sidebars name many boards, so only the article says whose figures these are.</summary>
    public bool IsPress => Kind == "press";
}

/// <summary>Where a page came from, for reading it as its site shows it.</summary>
/// <param name="Url">The page's final URL (relative links, URL dates).</param>
/// <param name="Source">Its source's facts, or null when unknown.</param>
/// <param name="Template">The site's learnt template (repeated furniture to drop), or null.</param>
public sealed record PageContext(Uri? Url, SourceFacts? Source, SiteTemplate? Template);

/// <summary>A document as read: its figures (refined by the model), the clean text their offsets point into, the article it came from, its page type.</summary>
public sealed record ReadDocument(ExtractedDocument Document, string CleanText, Article? Article, PageVerdict PageType);

/// <summary>
/// The one sequence that turns decoded text into a document, for every front end and stage: a page
/// (or HTML) is read as an article with its site's selectors and template, text as it is; then the
/// rules find the figures, the metric model refines them, and the page classifier gives its type.
/// </summary>
public static class DocumentReader
{
    /// <summary>The version stamped on stored documents: changes whenever the rules or a shipped model do.</summary>
    public static string Version => LearnedExtractor.Version;

    /// <summary>Reads <paramref name="content"/> (text or HTML) named <paramref name="source"/>; a <paramref name="page"/> is always read as HTML.</summary>
    /// <param name="source">The document's name (a path or URL).</param>
    /// <param name="content">Its text or HTML.</param>
    /// <param name="page">Where a crawled page came from, or null.</param>
    /// <param name="stages">Told as each step starts, for progress on a large input.</param>
    public static ReadDocument Read(string source, string content, PageContext? page = null, IProgress<ReadingStage>? stages = null)
    {
        stages?.Report(ReadingStage.Article);
        Article? article = null;
        PreparedText text;
        Extraction.Documents.DocumentMetadata metadata;
        if (page is not null || DocumentExtractor.LooksLikeHtml(content))
        {
            var selectors = page?.Source?.Selectors;
            article = ArticleExtractor.Extract(content, page?.Url, selectors, page?.Template);
            if (page?.Source is { IsPress: true })
            {
                article = article with { Site = null };
            }

            // A board's own page is about the board's province, whatever other places its text names (a
            // partner province, an investor's home town): the registry's province is a hint that wins. A
            // newspaper covers many provinces, so its pages keep the text's.
            var hints = page?.Source is { IsPress: false } board && Registered(board) is { } province ? new DocumentHints(Province: province) : null;
            (text, metadata) = DocumentExtractor.FromArticle(article, hints);
        }
        else
        {
            (text, metadata) = DocumentExtractor.Read(content);
        }

        var document = LearnedExtractor.Extract(source, text, metadata, stages);
        if (page?.Source is { } facts)
        {
            // The registry entry fills in the board and province when the text names neither.
            document = document with
            {
                Board = document.Board ?? (facts.IsPress ? null : facts.Title),
                Province = document.Province ?? Registered(facts),
            };
        }

        stages?.Report(ReadingStage.PageType);
        var verdict = ShippedModels.Page.Classify(document.Title ?? "", text.Clean, document.Figures);
        return new ReadDocument(document, text.Clean, article, verdict);
    }

    /// <summary>The registry's province for a source, spelled as the province table spells it ("Hồ Chí Minh" → "TP. Hồ Chí Minh").</summary>
    private static string? Registered(SourceFacts facts) =>
        facts.Province.Length > 0 ? Provinces.Canonical(facts.Province) ?? facts.Province : null;
}
