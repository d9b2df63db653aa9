using AngleSharp.Html.Parser;
using Pipeline.Crawling.Registry;
using Pipeline.Crawling.Urls;

namespace Pipeline.Crawling.Discovery;

/// <summary>A listing link not followed, and the parameters that made it a trap.</summary>
public sealed record RefusedLink(Uri Url, IReadOnlyList<string> Parameters);

/// <summary>The links of a listing page that the crawl follows, and the calendar or filter links it does not.</summary>
public sealed record ListingLinks(IReadOnlyList<Uri> Articles, IReadOnlyList<Uri> Listings, IReadOnlyList<RefusedLink> Refused);

/// <summary>
/// Reads a listing page's links: those matching the source's article pattern lead to articles,
/// those matching its listing pattern to more listings (categories, pager), unless they carry a
/// calendar, date filter or sort parameter (<see cref="TrapParameters"/>). Links to other hosts,
/// files and anything else are ignored.
/// </summary>
public static class LinkExtractor
{
    private static readonly string[] FileExtensions = [".pdf", ".doc", ".docx", ".xls", ".xlsx", ".zip", ".rar", ".jpg", ".jpeg", ".png", ".gif", ".mp4"];

    public static ListingLinks Read(string html, Uri page, Source source)
    {
        var parser = new HtmlParser();
        using var document = parser.ParseDocument(html);
        var baseHref = document.QuerySelector("base[href]")?.GetAttribute("href");
        var baseUrl = baseHref is not null && Uri.TryCreate(page, baseHref, out var b) ? b : page;
        var articles = new List<Uri>();
        var listings = new List<Uri>();
        var refused = new List<RefusedLink>();
        var seen = new HashSet<Uri>();
        foreach (var anchor in document.QuerySelectorAll("a[href]"))
        {
            var url = UrlCanonicalizer.Resolve(baseUrl, anchor.GetAttribute("href"));
            if (url is null || !seen.Add(url) || !source.Hosts.Contains(url.Authority, StringComparer.OrdinalIgnoreCase)
                || FileExtensions.Any(e => url.AbsolutePath.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var target = url.PathAndQuery;
            if (source.ArticlePattern.IsMatch(target))
            {
                articles.Add(url);
            }
            else if (source.ListingPattern.IsMatch(target) && url != page)
            {
                if (TrapParameters.In(url) is { Count: > 0 } trap)
                {
                    refused.Add(new RefusedLink(url, trap));
                }
                else
                {
                    listings.Add(url);
                }
            }
        }

        return new ListingLinks(articles, listings, refused);
    }
}
