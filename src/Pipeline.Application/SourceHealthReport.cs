using Pipeline.Crawling.State;
using Pipeline.Storage;

namespace Pipeline.Application;

/// <summary>One board's crawl health with the documents the store holds from it.</summary>
public sealed record BoardHealth(SiteHealth Crawl, long Documents);

/// <summary>The data team's health view: each source's last crawl, pages, failures and robots blocks.</summary>
public static class SourceHealthReport
{
    /// <summary>Every source the crawl knows, by name; empty when the store was never crawled (documents indexed from files only).</summary>
    public static IReadOnlyList<BoardHealth> Read(string database)
    {
        Stores.Require(database);
        using var crawl = CrawlStore.OpenReadOnly(database);
        if (crawl is null)
        {
            return [];
        }

        using var store = DocumentStore.OpenReadOnly(database);
        var documents = store.CountBy(StatsGrouping.Site).ToDictionary(c => c.Label, c => c.Count, StringComparer.Ordinal);
        return [.. crawl.SiteHealth().Select(s => new BoardHealth(s, documents.GetValueOrDefault(s.Site)))];
    }
}
