using System.Net;
using System.Text.RegularExpressions;
using Pipeline.Crawling.State;
using Pipeline.Storage;

namespace Pipeline.Web.Tests;

/// <summary>The sources page: each board's last crawl as the crawl tables record it.</summary>
[Collection("web")]
public sealed partial class SourcesPageTests(WebFixture web)
{
    [Fact]
    public async Task EveryCrawledBoardHasARowAgreeingWithTheRunsSummary()
    {
        var html = await web.Http.GetStringAsync("/sources");
        var rows = RowPattern().Matches(html).Select(m => m.Groups[1].Value).ToList();
        using var store = DocumentStore.OpenReadOnly(web.Database);
        var sites = store.CountBy(StatsGrouping.Site).Select(c => c.Label).ToList();
        Assert.NotEmpty(sites);
        Assert.Subset(rows.ToHashSet(), sites.ToHashSet());

        var crawl = web.Run.Crawl!;
        Assert.Equal(crawl.BlockedByRobots, Cells(html, "robots").Sum());
        Assert.Equal(store.Counts().Documents, Cells(html, "documents").Sum());
        Assert.Equal(crawl.Fetched, Cells(html, "fetched").Sum());
    }

    [Fact]
    public void ABoardsHealthCountsItsLastRunOnly()
    {
        var folder = Path.Combine(Path.GetTempPath(), "pipeline-health-" + Guid.NewGuid().ToString("N")[..8]);
        var database = Path.Combine(folder, "pipeline.db");
        try
        {
            var t0 = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
            using (var crawl = CrawlStore.Open(database))
            {
                var first = crawl.StartRun("{}", t0).Id;
                crawl.Log(first, Entry("a", PageKind.Article, t0, "Timeout"));
                crawl.Log(first, Entry("a", PageKind.Article, t0, "Timeout"));
                crawl.FinishRun(first, "{}", t0.AddMinutes(5));

                var second = crawl.StartRun("{}", t0.AddDays(1)).Id;
                crawl.Log(second, Entry("a", PageKind.Robots, t0.AddDays(1), "Ok"));
                crawl.Log(second, Entry("a", PageKind.Listing, t0.AddDays(1), "Ok"));
                crawl.Log(second, Entry("a", PageKind.Article, t0.AddDays(1), "Ok"));
                crawl.Log(second, Entry("a", PageKind.Article, t0.AddDays(1), "NotModified"));
                crawl.Log(second, Entry("a", PageKind.Article, t0.AddDays(1), "NotFound"));
                crawl.Log(second, Entry("a", PageKind.Article, t0.AddDays(1), "NotFound"));
                crawl.Log(second, Entry("a", PageKind.Article, t0.AddDays(1).AddMinutes(1), "ServerError"));
                crawl.Log(second, Entry("a", PageKind.Article, t0.AddDays(1), "BlockedByRobots"));
                crawl.Log(second, Entry("b", PageKind.Article, t0.AddDays(1), "Disallowed"));

                // "c" ran only in the first run, which stays its last.
                crawl.Log(first, Entry("c", PageKind.Article, t0, "Ok"));
            }

            using var reader = CrawlStore.OpenReadOnly(database)!;
            var health = reader.SiteHealth().ToDictionary(h => h.Site);
            Assert.Equal(["a", "b", "c"], health.Keys.Order());
            var a = health["a"];
            Assert.Equal((8L, 2L, 1L, 1L, 3L), (a.Requests, a.Fetched, a.Unchanged, a.RobotsBlocked, a.Failed));
            Assert.Equal("NotFound 2, ServerError 1", a.Failures);
            Assert.Null(a.RunFinished); // the second run never finished: the page says so
            Assert.StartsWith("2026-03-02T08:01", a.LastFetch);
            Assert.Equal((1L, 0L, ""), (health["b"].RobotsBlocked, health["b"].Fetched, health["b"].Failures));
            Assert.Equal((1L, 0L), (health["c"].Fetched, health["c"].Failed));
            Assert.StartsWith("2026-03-01", health["c"].RunStarted);
            Assert.NotNull(health["c"].RunFinished);
            Assert.Equal("down", Pages.SourcesPage.Status(health["b"]));
            Assert.Equal("warn", Pages.SourcesPage.Status(a));
            Assert.Equal("ok", Pages.SourcesPage.Status(health["c"]));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void AStoreNeverCrawledHasNoCrawlToReport()
    {
        var folder = Path.Combine(Path.GetTempPath(), "pipeline-health-" + Guid.NewGuid().ToString("N")[..8]);
        var database = Path.Combine(folder, "pipeline.db");
        try
        {
            DocumentStore.Open(database).Dispose();
            Assert.Null(CrawlStore.OpenReadOnly(database));
            Assert.Empty(Application.SourceHealthReport.Read(database));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static FetchLogEntry Entry(string site, PageKind kind, DateTimeOffset at, string outcome) =>
        new(new Uri($"https://{site}.example.vn/{Guid.NewGuid():N}"), site, kind, at, TimeSpan.FromMilliseconds(5), 1, outcome == "Ok" ? 200 : 0, outcome, null, 100, null);

    private static IEnumerable<long> Cells(string html, string column) =>
        Regex.Matches(html, $"<td class=\"num {column}\">([\\d.]+)").Select(m => long.Parse(m.Groups[1].Value.Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture));

    [GeneratedRegex("<tr class=\"status-\\w+\" data-site=\"([^\"]+)\">")]
    private static partial Regex RowPattern();
}
