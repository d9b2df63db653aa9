using System.Globalization;
using System.Text.Json;
using Pipeline.Crawling.Registry;
using Pipeline.Crawling.State;
using Pipeline.Extraction.Html;
using Pipeline.Crawling.Sites;
using Pipeline.Crawling.Tests.Sites;
using Pipeline.Processing;

namespace Pipeline.Crawling.Tests;

public sealed class CrawlerTests
{
    private static readonly IReadOnlyList<Bulletin> Corpus = Bulletins.All;

    [Fact]
    public async Task ThreePortalsAreCrawledPolitelyWithEveryArticleFetchedOnce()
    {
        await using var harness = new CrawlHarness();
        var sharePoint = await harness.Serve(PortalSite.SharePoint(Corpus.Take(9)));
        var liferaySite = PortalSite.Liferay(Corpus.Skip(9).Take(6));
        liferaySite.Robots = "User-agent: *\nDisallow: /c/\n\nUser-agent: PipelineBot\nDisallow: /c/\nCrawl-delay: 0.2\n";
        var liferay = await harness.Serve(liferaySite);
        var wordPress = await harness.Serve(PortalSite.WordPress(Corpus.Skip(15).Take(8)));

        var summary = await harness.CrawlAsync();

        foreach (var server in harness.Servers)
        {
            var counts = server.Counts();
            foreach (var article in server.Site.Articles)
            {
                Assert.True(counts.TryGetValue(article.Path, out var n) && n == 1, $"{server.Site.Platform}: {article.Path} fetched {counts.GetValueOrDefault(article.Path)} times");
            }

            Assert.Equal(1, counts.GetValueOrDefault("/robots.txt"));
            Assert.False(counts.ContainsKey(server.Site.ForbiddenPath), $"{server.Site.ForbiddenPath} is disallowed but was requested");
            Assert.All(server.Log, r => Assert.Contains("PipelineBot", r.UserAgent, StringComparison.Ordinal));
        }

        Assert.Equal(23, summary.New);
        Assert.Empty(summary.Failed);
        Assert.Equal(3, summary.BlockedByRobots);
        var stored = harness.StoredPages();
        Assert.Equal(23, stored.Count(p => p.Kind == PageKind.Article));
        var page = stored.First(p => p.Url.AbsolutePath.EndsWith(sharePoint.Site.Articles[0].Path, StringComparison.Ordinal));
        Assert.Contains(Pipeline.Sites.Markup.Esc(sharePoint.Site.Articles[0].Bulletin.Paragraphs[0]), System.Text.Encoding.UTF8.GetString(page.Body), StringComparison.Ordinal);

        // Gaps from the servers' own logs: Liferay's robots.txt asks 0.2 s, the others get the configured 40 ms.
        AssertGaps(sharePoint, TimeSpan.FromMilliseconds(40));
        AssertGaps(wordPress, TimeSpan.FromMilliseconds(40));
        AssertGaps(liferay, TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task ASecondCrawlAsksConditionallyAndFindsNothingNew()
    {
        await using var harness = new CrawlHarness();
        var sharePoint = await harness.Serve(PortalSite.SharePoint(Corpus.Take(5)));
        var liferay = await harness.Serve(PortalSite.Liferay(Corpus.Skip(5).Take(5)));
        var first = await harness.CrawlAsync();
        Assert.Equal(10, first.New);

        var second = await harness.CrawlAsync();

        Assert.Equal(0, second.New);
        Assert.Equal(0, second.Changed);
        Assert.Equal(10, second.Unchanged);
        var article = sharePoint.Site.Articles[0].Path;
        var asks = sharePoint.Log.Where(r => r.PathAndQuery == article).ToList();
        Assert.Equal(2, asks.Count);
        Assert.NotNull(asks[1].IfNoneMatch);
        Assert.Equal(304, asks[1].Status);

        // Listings (the home page and the news listing) are always read again, even when nothing changed.
        Assert.Equal(2, sharePoint.Counts()["/Pages/default.aspx"]);
        Assert.Equal(2, sharePoint.Counts()[sharePoint.Rendered.ListingPaths[0]]);
        Assert.Equal(2, liferay.Counts()[liferay.Site.Articles[0].Path]);
    }

    [Fact]
    public async Task CrawledArticlesReadBackAsTheirWrittenTextWithNoFurniture()
    {
        await using var harness = new CrawlHarness();
        await harness.Serve(PortalSite.SharePoint(Corpus.Take(8)));
        await harness.Serve(PortalSite.Liferay(Corpus.Skip(8).Take(8)));
        await harness.Serve(PortalSite.WordPress(Corpus.Skip(16).Take(8)));

        var reader = new PortalPageReader();
        await harness.CrawlAsync(reader: reader);

        var registry = SourceRegistry.Parse(harness.RegistryJson());
        var templates = reader.Templates();
        using var store = CrawlStore.Open(harness.DatabasePath);
        var checkedPages = 0;
        var served = new List<string>();
        foreach (var (server, index) in harness.Servers.Select((s, i) => (s, i)))
        {
            var source = registry.Named($"site{index}")!;
            var template = templates.GetValueOrDefault(source.Name);
            Assert.NotNull(template);
            var pages = store.Pages(source.Name).Where(p => p.Kind == PageKind.Article).ToDictionary(p => p.Url.PathAndQuery);
            foreach (var article in server.Site.Articles)
            {
                var page = pages[article.Path];
                var html = new PortalPageReader().Decode(page.Body, page.ContentType);
                served.Add(html);
                var read = ArticleExtractor.Extract(html, page.FinalUrl, PortalPageReader.Selectors(source), template);
                var f1 = TokenOverlap.F1(read.Body, article.Bulletin.Gold);
                Assert.True(f1 >= 0.97, $"{server.Site.Platform} {article.Path}: token F1 {f1:F3}\n--- read:\n{read.Body}\n--- gold:\n{article.Bulletin.Gold}");
                Assert.Equal(article.Bulletin.Title, read.Title);
                Assert.Equal(article.Bulletin.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), read.Published?[..10]);
                foreach (var phrase in FurniturePhrases)
                {
                    Assert.False(read.Body.Contains(phrase, StringComparison.Ordinal), $"{article.Path}: furniture \"{phrase}\" in the body:\n{read.Body}");
                }

                checkedPages++;
            }
        }

        Assert.Equal(24, checkedPages);

        // The check above means something only for furniture the pages really carry.
        Assert.All(FurniturePhrases, phrase => Assert.Contains(served, html => html.Contains(phrase, StringComparison.Ordinal)));
    }

    /// <summary>What the three platforms draw around an article: skip links, tools, share bars, related news, counters, footer, the picture's file name.</summary>
    private static readonly string[] FurniturePhrases =
    [
        "Skip Ribbon", "Skip portlet", "Chuyển đến nội dung", "Cỡ chữ", "In bài", "Gửi email", "Chia sẻ", "Tin liên quan", "Tin khác",
        "Bài viết liên quan", "Lượt xem", "Thống kê truy cập", "Đang truy cập", "Liên kết website", "Trang chủ", "Ý kiến bạn đọc", "Bản quyền",
        "Ghi rõ nguồn", "IMG_", "Facebook", "đính kèm", "bởi quantri", "Chuyên mục",
    ];

    [Fact]
    public async Task MaxPagesStopsTheCrawlAndTheNextOneStartsAfresh()
    {
        await using var harness = new CrawlHarness();
        var server = await harness.Serve(PortalSite.SharePoint(Corpus.Take(12)));

        var first = await harness.CrawlAsync(maxPages: 5);

        Assert.True(first.PageLimitReached);
        Assert.Equal(5, first.Fetched);
        Assert.Equal(6, server.Log.Count(r => r.PathAndQuery != "/robots.txt")); // the home page's redirect is one more request
        var second = await harness.CrawlAsync();
        Assert.False(second.PageLimitReached);
        Assert.Equal(12, harness.StoredPages().Count(p => p.Kind == PageKind.Article));
    }

    [Fact]
    public async Task SinceSkipsWhatSitemapsAndFeedsDateEarlier()
    {
        await using var harness = new CrawlHarness();
        var server = await harness.Serve(PortalSite.WordPress(Corpus.Take(10)));
        var since = new DateOnly(2022, 1, 1);

        var summary = await harness.CrawlAsync(since: since);

        var counts = server.Counts();
        foreach (var article in server.Site.Articles.Where(a => a.Bulletin.Date < since))
        {
            // Listed on a category page, an old article may still be fetched (listings carry no dates we trust), but the sitemap never queues it.
            Assert.True(counts.GetValueOrDefault(article.Path) <= 1);
        }

        Assert.True(summary.BeforeSince > 0);
        Assert.All(server.Site.Articles.Where(a => a.Bulletin.Date >= since), a => Assert.Equal(1, counts[a.Path]));
    }

    [Fact]
    public async Task PagesInLegacyCharsetsAreStoredAsSentAndDecodedRight()
    {
        await using var harness = new CrawlHarness();
        var site = PortalSite.SharePoint([]);
        const string Text = "Năm 2023, các khu công nghiệp thu hút 45 dự án với tổng vốn đầu tư 1,2 tỷ USD.";
        var legacyBody = Decoding.LegacyEncoders.Windows1258($"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1258\"></head><body><p>{Text}</p></body></html>");
        site.Bytes("/Pages/cp1258.aspx", legacyBody, "text/html");
        site.Bytes("/Pages/lying-header.aspx", System.Text.Encoding.UTF8.GetBytes($"<html><body><p>{Text}</p></body></html>"), "text/html; charset=iso-8859-1");
        site.Html("/Pages/loi.aspx?Page=1", "<html><body><a href=\"/Pages/cp1258.aspx\">a</a><a href=\"/Pages/lying-header.aspx\">b</a></body></html>");
        await harness.Serve(site);

        await harness.CrawlAsync(registry: harness.RegistryJson(_ => """[{"url": "/Pages/loi.aspx?Page=1", "kind": "listing"}]"""));

        var reader = new PortalPageReader();
        var pages = harness.StoredPages().Where(p => p.Kind == PageKind.Article).ToList();
        Assert.Equal(2, pages.Count);
        Assert.All(pages, p => Assert.Contains(Text, reader.Decode(p.Body, p.ContentType), StringComparison.Ordinal));
        Assert.Equal(legacyBody, pages.Single(p => p.Url.AbsolutePath.EndsWith("cp1258.aspx", StringComparison.Ordinal)).Body);
    }

    private static void AssertGaps(PortalServer server, TimeSpan delay)
    {
        var log = server.Log.OrderBy(r => r.Arrived).ToList();
        for (var i = 1; i < log.Count; i++)
        {
            var gap = (log[i].Arrived - log[i - 1].Ended).TotalMilliseconds;
            Assert.True(gap >= delay.TotalMilliseconds - 1, $"{server.Site.Platform}: {log[i].PathAndQuery} came {gap:F1} ms after {log[i - 1].PathAndQuery}");
        }
    }
}
