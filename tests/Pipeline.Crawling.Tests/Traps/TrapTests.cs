using Pipeline.Crawling.Discovery;
using Pipeline.Crawling.Fetching;
using Pipeline.Crawling.Sites;
using Pipeline.Crawling.State;
using Pipeline.Crawling.Tests.Sites;
using Xunit.Abstractions;

namespace Pipeline.Crawling.Tests.Traps;

/// <summary>
/// Endless pagers and calendars served on 127.0.0.1: the crawl ends within a few requests past the
/// real pages, fetches every real article once, and says why it stopped.
/// </summary>
public sealed class TrapTests(ITestOutputHelper output)
{
    // No delay: the tests count requests, not seconds.
    private static readonly CrawlSettings Settings = CrawlHarness.FastSettings with { Delay = TimeSpan.Zero };

    // Enough to finish any crawl that stops on its own; a crawler lost in a trap would hit it.
    private const int PageCap = 3000;

    [Theory]
    [InlineData(PastTheEnd.Empty)]
    [InlineData(PastTheEnd.LastPageAgain)]
    public async Task AnEndlessPagerEndsAFewPagesPastTheLastRealOne(PastTheEnd past)
    {
        await using var harness = new CrawlHarness();
        var server = await harness.Serve(TrapSites.EndlessPager(Bulletins.All.Take(25).ToList(), past));

        var summary = await harness.CrawlAsync(Settings, maxPages: PageCap, registry: Registry(server));

        AssertEveryArticleFetchedOnce(server);
        var extra = Listings(server).Where(p => !server.Rendered.ListingPaths.Contains(p)).ToList();

        output.WriteLine($"{past}: {extra.Count} listing pages requested past the last real one; {server.Log.Count} requests in all");

        // Three pages in a row with nothing new end a chain; the pager's window (two pages ahead) lets two chains run side by side.
        Assert.True(extra.Count <= 6, $"{extra.Count} listing pages past the last real one: {string.Join(" ", extra)}");
        Assert.False(summary.PageLimitReached);
        var ended = Assert.Contains(ListingChains.ChainEnded(Settings.MaxBarrenListings), summary.Stopped);
        Assert.True(ended >= 1);
        Assert.Contains(FetchLog(harness, summary.Run), e => e.Kind == PageKind.Listing && e.Detail is { } d && d.StartsWith("listing chain ended: 3 pages with nothing new", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CalendarFilterAndSortLinksAreNotFollowed()
    {
        await using var harness = new CrawlHarness();
        var server = await harness.Serve(TrapSites.Calendar(Bulletins.All.Take(25).ToList()));

        var summary = await harness.CrawlAsync(Settings, maxPages: PageCap, registry: Registry(server));

        AssertEveryArticleFetchedOnce(server);
        Assert.Equal(3, server.Rendered.ListingPaths.Count);
        var extra = Listings(server).Where(p => !server.Rendered.ListingPaths.Contains(p)).ToList();
        output.WriteLine($"calendar: {extra.Count} calendar, filter or sort pages requested; {server.Log.Count} requests in all");
        Assert.True(extra.Count <= 1, $"{extra.Count} calendar, filter or sort pages requested: {string.Join(" ", extra.Take(20))}");
        var refused = Assert.Contains(ListingChains.TrapLink, summary.Stopped);
        Assert.True(refused >= 3 * 34, $"{refused} links refused"); // three real pages, each with 31 days, 2 months, 1 filter (sort links are refused too)
        Assert.Contains(FetchLog(harness, summary.Run), e => e.Detail is { } d && d.Contains("calendar or filter", StringComparison.Ordinal) && d.Contains("ngay", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ABoardsListingDepthCapsItsPagerAndTheCapIsLogged()
    {
        // 90 articles: nine real pages. At depth 1 the crawl sees the pages page 1 links (the next three and the last), not 5 to 8.
        await using var harness = new CrawlHarness();
        var server = await harness.Serve(TrapSites.EndlessPager(Bulletins.All.Take(90).ToList(), PastTheEnd.Empty));

        var summary = await harness.CrawlAsync(Settings, maxPages: PageCap, registry: Registry(server, "\"max_listing_depth\": 1"));

        var listings = Listings(server).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["/danh-muc/tin-tuc", "/danh-muc/tin-tuc?trang=2", "/danh-muc/tin-tuc?trang=3", "/danh-muc/tin-tuc?trang=4", "/danh-muc/tin-tuc?trang=9"], listings);
        Assert.Equal(50, summary.New);
        Assert.True(Assert.Contains(ListingChains.DepthLimit, summary.Stopped) >= 1);
        Assert.Contains(FetchLog(harness, summary.Run), e => e.Detail is { } d && d.Contains("listing depth limit 1", StringComparison.Ordinal));
    }

    private static string Registry(PortalServer server, string? extra = null) => $$"""
        {"sources": [{"name": "bay", "title": "Ban Quản lý các KCN thử", "province": "Bắc Ninh", "kind": "KCN",
          "base_url": "{{server.BaseUrl}}", "platform": "generic", "start": [{"url": "{{server.Rendered.ListingPaths[0]}}", "kind": "listing"}]{{(extra is null ? "" : ", " + extra)}}}]}
        """;

    /// <summary>The news listing's pages the server was asked for (real ones, pages past them, calendar and filter pages).</summary>
    private static IEnumerable<string> Listings(PortalServer server) =>
        server.Log.Select(r => r.PathAndQuery).Where(p => p.StartsWith("/danh-muc/tin-tuc", StringComparison.Ordinal));

    private static void AssertEveryArticleFetchedOnce(PortalServer server)
    {
        var counts = server.Counts();
        Assert.All(server.Site.Articles, a => Assert.True(counts.GetValueOrDefault(a.Path) == 1, $"{a.Path} fetched {counts.GetValueOrDefault(a.Path)} times"));
    }

    private static IReadOnlyList<FetchLogEntry> FetchLog(CrawlHarness harness, long run)
    {
        using var store = CrawlStore.Open(harness.DatabasePath);
        return store.FetchLog(run);
    }
}
