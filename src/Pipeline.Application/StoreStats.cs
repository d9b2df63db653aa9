using Pipeline.Crawling.State;
using Pipeline.Storage;

namespace Pipeline.Application;

/// <summary>One row of a count: a label (a province, a year, a metric, a page type) and how many.</summary>
public sealed record Count(string Label, long Value);

/// <summary>A source's crawl health: its last fetch, requests logged, and failures by outcome in its last run.</summary>
public sealed record SourceHealth(string Site, string LastFetch, long Requests, string Failures);

/// <summary>One document's value of a fact that documents report differently.</summary>
public sealed record FactReport(string Url, string Value);

/// <summary>A fact (province, metric, measure, period…) that different documents report with different values.</summary>
public sealed record FactConflict(string Fact, IReadOnlyList<FactReport> Reports);

/// <summary>What the store holds, for `stats`.</summary>
public sealed record StatsReport(
    int Documents,
    int Figures,
    IReadOnlyList<Count> ByProvince,
    IReadOnlyList<Count> ByYear,
    IReadOnlyList<Count> ByPageType,
    IReadOnlyList<Count> ByMetric,
    IReadOnlyList<SourceHealth> Sources,
    IReadOnlyList<FactConflict> Conflicts);

/// <summary>The `stats` use case.</summary>
public static class StoreStats
{
    /// <summary>Counts by province, year, page type and metric; each source's last crawl and failures; conflicting facts.</summary>
    public static StatsReport Read(string database)
    {
        Stores.Require(database);
        using var pages = CrawlStore.Open(database);
        using var store = DocumentStore.Open(database);
        var (documents, figures) = store.Counts();
        IReadOnlyList<Count> By(StatsGrouping grouping) => store.CountBy(grouping).Select(x => new Count(x.Label, x.Count)).ToList();
        return new StatsReport(
            documents,
            figures,
            By(StatsGrouping.Province),
            By(StatsGrouping.Year),
            By(StatsGrouping.PageType),
            By(StatsGrouping.Metric),
            pages.SourceHealth().Select(s => new SourceHealth(s.Site, s.LastFetch, s.Requests, s.Failures)).ToList(),
            store.Conflicts().Select(c => new FactConflict(c.Key, c.Reports.Select(r => new FactReport(r.Url, r.Value)).ToList())).ToList());
    }
}
