using System.Collections.Concurrent;
using System.Globalization;
using Pipeline.Crawling;
using Pipeline.Crawling.Registry;
using Pipeline.Decoding;
using Pipeline.Extraction.Html;

namespace Pipeline.Processing;

/// <summary>
/// The crawler's page reader for real portals: bytes decoded by <see cref="PageDecoder"/> (BOM,
/// header, meta, sniffing, legacy fonts); pages read by the same <see cref="ArticleExtractor"/> that
/// `pipeline extract` uses, with the source's selectors, to tell listings from articles and date them.
/// It also learns each site's template from the first pages it sees: the reading stage
/// saves <see cref="Templates"/> after the crawl and reads pages with them.
/// </summary>
public sealed class PortalPageReader : IPageReader
{
    /// <summary>Pages per site a template is learnt from in one run; enough to see what repeats.</summary>
    public const int TemplatePages = 40;

    private readonly ConcurrentDictionary<string, TemplateLearner> _learners = new(StringComparer.Ordinal);

    public string Decode(byte[] body, string? contentType) => PageDecoder.Decode(body, contentType).Text;

    public PageVerdict Judge(string html, Uri url, Source source)
    {
        var learner = _learners.GetOrAdd(source.Name, _ => new TemplateLearner());
        lock (learner)
        {
            if (learner.PagesObserved < TemplatePages)
            {
                learner.Observe(html);
            }
        }

        var article = ArticleExtractor.Extract(html, url, Selectors(source));
        DateOnly? published = article.Published is { Length: >= 10 } p
            && DateOnly.TryParseExact(p[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        return new PageVerdict(article.IsListing, published);
    }

    /// <summary>The templates learnt so far, by source name (sites with too few pages are left out).</summary>
    public IReadOnlyDictionary<string, SiteTemplate> Templates()
    {
        var result = new Dictionary<string, SiteTemplate>(StringComparer.Ordinal);
        foreach (var (site, learner) in _learners)
        {
            lock (learner)
            {
                if (learner.PagesObserved >= learner.MinPages)
                {
                    result[site] = learner.Snapshot();
                }
            }
        }

        return result;
    }

    public static ArticleSelectors Selectors(Source source) => new(source.Selectors.Title, source.Selectors.Date, source.Selectors.Body);
}
