using Pipeline.Crawling.Registry;
using Pipeline.Crawling.State;
using Pipeline.Decoding;
using Pipeline.Extraction.Html;
using Pipeline.Extraction.Tables;
using Pipeline.Storage;

namespace Pipeline.Processing;

/// <summary>
/// One stored page to one document, as a pure function: decode the bytes, then read them with
/// <see cref="DocumentReader"/> (the site's selectors and learnt template; the source's facts fill in
/// the province and board when the text does not name them).
/// </summary>
public static class PageProcessor
{
    public static StoredDocument Process(PendingPage page, SourceFacts? source, SiteTemplate? template, string extractorVersion, DateTimeOffset now)
    {
        var decoded = PageDecoder.Decode(page.Body, page.ContentType);
        var url = Uri.TryCreate(page.FinalUrl, UriKind.Absolute, out var u) ? u : null;
        var read = DocumentReader.Read(page.Url, decoded.Text, new PageContext(url, source, template));
        var (document, article) = (read.Document, read.Article!);
        return new StoredDocument
        {
            Url = page.Url,
            Site = page.Site,
            PageHash = page.Hash,
            FetchedAt = page.FetchedAt,
            ExtractorVersion = extractorVersion,
            ProcessedAt = now,
            Title = document.Title,
            Published = document.Published,
            PublishedFrom = article.PublishedFrom,
            Author = article.Author,
            Board = document.Board,
            Province = document.Province,
            Period = document.Period,
            Text = read.CleanText,
            Attachments = article.Attachments.Select(a => new StoredAttachment(a.Url, a.Text)).ToList(),
            Warnings = decoded.Warnings.Concat(document.Warnings).ToList(),
            Figures = document.Figures,
            Tables = Tables(read.CleanText),
            PageType = read.PageType.Type,
            PageTypeScore = read.PageType.Score,
        };
    }

    /// <summary>The cells of the text's tables as the store keeps them; a header path's levels are joined by " › ".</summary>
    public static IReadOnlyList<StoredTableCell> Tables(string clean) =>
        [.. TableCells.Read(clean).Select(c => new StoredTableCell(c.Table, c.Row, c.Column, c.Kind switch
        {
            TableRowKind.Header => StoredTableCell.HeaderKind,
            TableRowKind.Section => StoredTableCell.SectionKind,
            _ => StoredTableCell.RowKind,
        }, c.HeaderPath.Count > 0 ? string.Join(" › ", c.HeaderPath) : null, c.RowHeader, c.Text, c.Start, c.End))];

    /// <summary>A registry entry's facts, as the crawl stores them with its pages.</summary>
    public static SourceFacts Facts(Source source) =>
        new(source.Name, source.Title, source.Province, source.Kind, PortalPageReader.Selectors(source));

    /// <summary>A source's facts as the crawl stored them.</summary>
    public static SourceFacts Facts(SourceRecord source) =>
        new(source.Name, source.Title, source.Province, source.Kind, new ArticleSelectors(source.Selectors.Title, source.Selectors.Date, source.Selectors.Body));
}
