using System.Text.RegularExpressions;

namespace Pipeline.Crawling.Registry;

/// <summary>What a start point is, which decides how its page is read.</summary>
public enum StartKind
{
    Listing,
    Sitemap,
    Feed,
}

/// <summary>A page the crawl of a board begins from.</summary>
public sealed record StartPoint(Uri Url, StartKind Kind);

/// <summary>Optional CSS selectors for a board's article pages; unset ones fall back to the generic reader.</summary>
public sealed record PageSelectors(string? Title, string? Date, string? Body)
{
    public static readonly PageSelectors None = new(null, null, null);

    /// <summary>This set with unset selectors taken from <paramref name="fallback"/>.</summary>
    public PageSelectors Over(PageSelectors fallback) => new(Title ?? fallback.Title, Date ?? fallback.Date, Body ?? fallback.Body);
}

/// <summary>
/// One board's site as the crawler uses it: the registry entry with its platform profile applied,
/// so every field is decided (patterns compiled, start points absolute).
/// </summary>
public sealed record Source
{
    public required string Name { get; init; }

    public required string Title { get; init; }

    /// <summary>The board's province; empty for a newspaper, whose articles name their own.</summary>
    public required string Province { get; init; }

    /// <summary>KCN (industrial zones board), KKT (economic zone board) or press (a newspaper that republishes their figures).</summary>
    public required string Kind { get; init; }

    public required Uri BaseUrl { get; init; }

    public required string Platform { get; init; }

    public required IReadOnlyList<StartPoint> Start { get; init; }

    /// <summary>Links that lead to articles.</summary>
    public required Regex ArticlePattern { get; init; }

    /// <summary>Links that lead to more listing pages (categories, pagers).</summary>
    public required Regex ListingPattern { get; init; }

    public required PageSelectors Selectors { get; init; }

    /// <summary>The board's own gap between requests, if set: it replaces the run's delay, and robots.txt Crawl-delay is its floor.</summary>
    public TimeSpan? Delay { get; init; }

    /// <summary>The board's own cap on listing hops from a start point, if set; else the crawl's (50).</summary>
    public int? MaxListingDepth { get; init; }

    /// <summary>Other hosts of the same board that redirects may lead to (www and bare domain, an old address).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Every authority (host, with the port when not the default) this source may be fetched from.</summary>
    public IEnumerable<string> Hosts => Aliases.Prepend(BaseUrl.Authority);
}
