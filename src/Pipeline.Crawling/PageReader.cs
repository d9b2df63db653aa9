using Pipeline.Crawling.Registry;

namespace Pipeline.Crawling;

/// <summary>What the crawler needs to know of a fetched article page to decide what to keep and follow.</summary>
public sealed record PageVerdict(bool IsListing, DateOnly? Published);

/// <summary>
/// The crawler's view of the later stages: how to turn bytes into text and what kind of page it is.
/// Kept as a seam so the crawl logic is tested apart from decoding and article extraction.
/// </summary>
public interface IPageReader
{
    string Decode(byte[] body, string? contentType);

    PageVerdict Judge(string html, Uri url, Source source);

    /// <summary>Site templates learnt while judging, saved with the crawl (JSON per site).</summary>
    IReadOnlyDictionary<string, Pipeline.Extraction.Html.SiteTemplate> Templates() => new Dictionary<string, Pipeline.Extraction.Html.SiteTemplate>();
}
