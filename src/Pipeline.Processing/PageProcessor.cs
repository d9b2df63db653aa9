using Pipeline.Crawling;
using Pipeline.Crawling.Decoding;
using Pipeline.Crawling.Registry;
using Pipeline.Extraction;
using Pipeline.Extraction.Html;
using Pipeline.Learning;
using Pipeline.Learning.Combining;
using Pipeline.Storage;

namespace Pipeline.Processing;

/// <summary>
/// One stored page to one document, as a pure function: decode the bytes, read the article with the
/// site's selectors and learnt template, find its figures. The board's registry entry fills in
/// the province and board when the text does not name them.
/// </summary>
public static class PageProcessor
{
    public static StoredDocument Process(PendingPage page, Source? source, SiteTemplate? template, string extractorVersion, DateTimeOffset now)
    {
        var decoded = PageDecoder.Decode(page.Body, page.ContentType);
        var url = Uri.TryCreate(page.FinalUrl, UriKind.Absolute, out var u) ? u : null;
        var selectors = source is null ? null : PortalPageReader.Selectors(source);
        var article = ArticleExtractor.Extract(decoded.Text, url, selectors, template);
        if (source is { Kind: "press" })
        {
            // A newspaper's header and sidebars name many boards; only the article says whose figures these are.
            article = article with { Site = null };
        }

        var (text, metadata) = DocumentExtractor.FromArticle(article);
        var document = LearnedExtractor.Extract(page.Url, text, metadata);
        var verdict = ShippedModels.Page.Classify(document.Title ?? "", text.Clean, document.Figures);
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
            Board = document.Board ?? (source is { Kind: not "press" } ? source.Title : null),
            Province = document.Province ?? (source is { Province.Length: > 0 } ? source.Province : null),
            Period = document.Period,
            Text = text.Clean,
            Attachments = article.Attachments.Select(a => new StoredAttachment(a.Url, a.Text)).ToList(),
            Warnings = decoded.Warnings.Concat(document.Warnings).ToList(),
            Figures = document.Figures,
            PageType = verdict.Type,
            PageTypeScore = verdict.Score,
        };
    }
}
