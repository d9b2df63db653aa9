using Pipeline.Crawling.Registry;

namespace Pipeline.Crawling;

/// <summary>What the crawler needs to know of a fetched article page to decide what to keep and follow.</summary>
public sealed record PageVerdict(bool IsListing, DateOnly? Published);

/// <summary>
/// The crawler's view of the reading stage: how to turn bytes into text and what kind of page it is.
/// The reading stage implements it (Pipeline.Processing's PortalPageReader), so the crawler knows
/// neither decoding nor article extraction and its logic is tested apart from them.
/// </summary>
public interface IPageReader
{
    string Decode(byte[] body, string? contentType);

    PageVerdict Judge(string html, Uri url, Source source);
}
