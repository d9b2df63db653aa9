using System.Globalization;
using System.Text;
using Pipeline.Crawling.Discovery;
using Pipeline.Crawling.Registry;
using Pipeline.Crawling.Robots;
using Pipeline.Crawling.Urls;
using Pipeline.Extraction.Html;

namespace Pipeline.Sites.Tests;

public class RenderingTests
{
    public static TheoryData<string> Boards => new(SampleArticles.Registry.Sources.Select(s => s.Name));

    private static Site Render(string board, int count) => SiteBuilder.Build(SampleArticles.BoardOf(board), SampleArticles.Many(board, count));

    private static string Html(Site site, string pathAndQuery)
    {
        var q = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var resource = q < 0 ? site.Find(pathAndQuery, "") : site.Find(pathAndQuery[..q], pathAndQuery[q..]);
        Assert.NotNull(resource);
        return Encoding.UTF8.GetString(resource.Body);
    }

    [Theory]
    [MemberData(nameof(Boards))]
    public void RenderingIsDeterministic(string board)
    {
        var first = Render(board, 25);
        var second = Render(board, 25);

        Assert.Equal(first.Resources.Keys.Order(StringComparer.Ordinal), second.Resources.Keys.Order(StringComparer.Ordinal));
        Assert.All(first.Resources, r => Assert.Equal(r.Value.Body, second.Resources[r.Key].Body));
        Assert.All(first.Resources, r => Assert.Equal(r.Value.ETag, second.Resources[r.Key].ETag));
    }

    [Theory]
    [MemberData(nameof(Boards))]
    public void EveryArticleIsReachableFromTheHomePageThroughTheListings(string board)
    {
        var site = Render(board, 75);
        var source = SampleArticles.Registry.Named(board)!;

        // The crawler's way: listings' links sorted by the platform's patterns; articles are not followed.
        var found = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
        var queue = new Queue<string>(["/"]);
        while (queue.TryDequeue(out var path))
        {
            var resource = Find(site, path)!;
            if (resource.Location is { } location)
            {
                path = location;
                resource = Find(site, path)!;
            }

            var links = LinkExtractor.Read(Encoding.UTF8.GetString(resource.Body), new Uri(source.BaseUrl, path), source);
            found.UnionWith(links.Articles.Select(u => u.PathAndQuery));
            foreach (var listing in links.Listings.Select(u => u.PathAndQuery).Where(seen.Add))
            {
                queue.Enqueue(listing);
            }
        }

        Assert.Equal(75, site.Articles.Count);
        Assert.All(site.Articles, a => Assert.Contains(a.Path, found));
        Assert.Contains(site.ForbiddenPath, found);
        Assert.Equal(site.Articles.Count + 1, found.Count);
        Assert.Equal(8, site.ListingPaths.Count);
    }

    [Theory]
    [MemberData(nameof(Boards))]
    public void PathsMatchThePlatformProfile(string board)
    {
        var site = Render(board, 25);
        var profile = PlatformProfile.All[site.Board.Platform];

        // The crawler tries the article pattern first, so a listing must not match it (an article may match both).

        Assert.All(site.Articles, a => Assert.Matches(profile.Article, a.Path));
        Assert.All(site.ListingPaths, p => Assert.Matches(profile.Listing, Canonical(site, p)));
        Assert.All(site.ListingPaths, p => Assert.DoesNotMatch(profile.Article, Canonical(site, p)));

        // The admin link is one the crawler would follow, were robots.txt not to forbid it.
        var robots = RobotsPolicy.Parse(Html(site, "/robots.txt"), "PipelineBot");
        Assert.Matches(profile.Article, site.ForbiddenPath);
        Assert.False(robots.IsAllowed(site.ForbiddenPath));
        Assert.All(site.Articles, a => Assert.True(robots.IsAllowed(a.Path)));
        Assert.Equal(profile.DefaultStart.Any(s => s.Kind == StartKind.Sitemap), robots.Sitemaps.Count > 0);
    }

    [Fact]
    public void ThePagerShowsFirstLastAndThreeEitherSide()
    {
        var site = Render("bqlkcn-binh-duong", 200);
        var page = Html(site, "/tin-tuc?page=9");
        var pager = page[page.IndexOf("<div class=\"pager\">", StringComparison.Ordinal)..];
        pager = pager[..pager.IndexOf("</div>", StringComparison.Ordinal)];

        var linked = System.Text.RegularExpressions.Regex.Matches(pager, @"href=""/tin-tuc(\?page=(\d+))?""")
            .Select(m => m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) + 1 : 1).Distinct().Order().ToList();

        Assert.Equal([1, 7, 8, 9, 11, 12, 13, 20], linked);
        Assert.Contains("<span class=\"current\">10</span>", pager, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Boards))]
    public void TheExtractorReadsEachSampleBackFromItsPage(string board)
    {
        var site = Render(board, 6);
        var source = SampleArticles.Registry.Named(board)!;
        var selectors = new ArticleSelectors(source.Selectors.Title, source.Selectors.Date, source.Selectors.Body);
        string[] furniture = ["Skip", "Cỡ chữ", "A+", "In bài", "In trang", "Chia sẻ", "Tin liên quan", "Tin khác", "Lượt xem", "Đang truy cập", "Trang chủ", "Bản quyền", "IMG_", "Facebook", "đính kèm"];

        foreach (var published in site.Articles)
        {
            var article = published.Article;
            var read = ArticleExtractor.Extract(Html(site, published.Path), new Uri(source.BaseUrl, published.Path), selectors);

            var f1 = TokenOverlap.F1(read.Body, article.Text);
            Assert.True(f1 >= 0.97, $"{board} {published.Path}: token F1 {f1:F3} ({read.Reason})\n--- read:\n{read.Body}\n--- written:\n{article.Text}");
            Assert.Equal(article.Title, read.Title);
            Assert.Equal(article.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), read.Published?[..10]);
            Assert.False(read.IsListing, $"{published.Path}: read as a listing ({read.Reason})");
            Assert.All(furniture, f => Assert.DoesNotContain(f, read.Body, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void ReportsWithTablesCarryAPdfTheExtractorFinds()
    {
        var site = Render("bqlkkt-ha-tinh", 6);
        var report = site.Articles.Single(a => a.Article.Blocks.OfType<Table>().Any());

        var read = ArticleExtractor.Extract(Html(site, report.Path), new Uri(site.Board.BaseUrl, report.Path));

        var pdf = Assert.Single(read.Attachments);
        Assert.EndsWith(".pdf", pdf.Url, StringComparison.Ordinal);
        Assert.StartsWith("%PDF", Html(site, new Uri(pdf.Url).AbsolutePath), StringComparison.Ordinal);
        Assert.Contains("<table", Html(site, report.Path), StringComparison.Ordinal);
    }

    [Fact]
    public void VietnameseStaysUtf8AndOnlyMarkupCharactersAreEscaped()
    {
        Assert.Equal("Bắc Ninh &amp; Bắc Giang &lt;b&gt; &quot;KCN&quot; 'x'", Markup.Esc("Bắc Ninh & Bắc Giang <b> \"KCN\" 'x'"));
        var html = Html(Render("bqlkcn-bac-ninh", 6), "/Pages/default.aspx");
        Assert.Contains("Ban Quản lý các KCN tỉnh Bắc Ninh", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#", html, StringComparison.Ordinal);
    }

    [Fact]
    public void WordPressAnnouncesEveryArticleThroughItsSitemapIndexAndGzippedChild()
    {
        var site = Render("hepza-ho-chi-minh", 25);

        var index = SitemapReader.Read(Find(site, "/wp-sitemap.xml")!.Body, 1 << 20);
        var child = Assert.Single(index.Sitemaps);
        var gz = Find(site, child.AbsolutePath)!.Body;
        var urlset = SitemapReader.Read(gz, 1 << 20);

        Assert.Equal(0x1f, gz[0]);
        Assert.Equal(site.Articles.Select(a => a.Path).Order(StringComparer.Ordinal),
            urlset.Pages.Select(p => p.Url.PathAndQuery).Where(p => p != site.ListingPaths[0]).Order(StringComparer.Ordinal));
        Assert.Equal(10, FeedReader.Read(Find(site, "/feed/")!.Body).Items.Count);
    }

    [Fact]
    public void ArticlesLeftOffTheListingsAreAnnouncedOnlyByTheSitemapAndFeed()
    {
        var articles = SampleArticles.Many("hepza-ho-chi-minh", 30);
        var unlisted = articles.OrderByDescending(a => a.Date).Where((_, i) => i % 2 == 0).Take(10).ToHashSet(); // half the newest, so some are in the feed
        var site = SiteBuilder.Build(SampleArticles.BoardOf("hepza-ho-chi-minh"), articles, a => !unlisted.Contains(a));

        var listings = string.Concat(site.ListingPaths.Append("/").Select(p => Html(site, p)));
        var urlset = SitemapReader.Read(Find(site, SitemapReader.Read(Find(site, "/wp-sitemap.xml")!.Body, 1 << 20).Sitemaps[0].AbsolutePath)!.Body, 1 << 20);
        var feed = FeedReader.Read(Find(site, "/feed/")!.Body).Items.Select(i => i.Url.PathAndQuery).ToList();

        Assert.Equal(10, unlisted.Count);
        Assert.Equal(2, site.ListingPaths.Count);
        Assert.Equal(20, site.Listed.Count);
        Assert.All(site.Articles, a => Assert.Equal(!unlisted.Contains(a.Article), listings.Contains($"href=\"{a.Path}\"", StringComparison.Ordinal)));
        Assert.All(site.Articles, a => Assert.Contains(urlset.Pages, p => p.Url.PathAndQuery == a.Path));
        Assert.Contains(feed, p => site.Articles.Any(a => a.Path == p && unlisted.Contains(a.Article)));
        Assert.All(site.Articles, a => Assert.Contains(a.Article.Title, Html(site, a.Path), StringComparison.Ordinal));
    }

    [Fact]
    public void AnyListingPageRendersAsTheSiteDoesAndCanClaimMorePages()
    {
        var site = Render("bqlkkt-dung-quat", 25);
        var layout = PlatformLayout.For(site.Board.Platform);

        // The site's own pages are these renderings, byte for byte.
        Assert.All(Enumerable.Range(1, 3), page =>
            Assert.Equal(Html(site, site.ListingPaths[page - 1]), SiteBuilder.Listing(site.Board, site.ListedOn(page), page, 3)));

        // A page past the end, drawn as if there were one more: no articles, but a pager leading on.
        var past = SiteBuilder.Listing(site.Board, site.ListedOn(5), 5, 6);
        Assert.Empty(site.ListedOn(5));
        Assert.DoesNotContain(site.Articles, a => past.Contains(a.Path, StringComparison.Ordinal));
        Assert.Contains($"<a href=\"{layout.ListingPath(6)}\" class=\"next\">", past, StringComparison.Ordinal);
        Assert.Contains("<span class=\"current\">5</span>", past, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bqlkcn-binh-duong", "/sitemap.xml", "/rss.xml")]
    [InlineData("bqlkkt-ha-tinh", "/sitemap.xml", "/feeds/")]
    public void DrupalAndNukeVietHaveASitemapAndAFeed(string board, string sitemap, string feed)
    {
        var site = Render(board, 15);

        var pages = SitemapReader.Read(Find(site, sitemap)!.Body, 1 << 20).Pages.Select(p => p.Url.PathAndQuery).ToHashSet();
        var items = FeedReader.Read(Find(site, feed)!.Body).Items;

        Assert.All(site.Articles, a => Assert.Contains(a.Path, pages));
        Assert.Equal(10, items.Count);
        Assert.All(items, i => Assert.Contains(i.Url.PathAndQuery, site.Articles.Select(a => a.Path)));
    }

    [Theory]
    [InlineData("bqlkcn-bac-ninh", true)]
    [InlineData("hepza-ho-chi-minh", true)]
    [InlineData("bqlkcn-binh-duong", true)]
    [InlineData("bqlkcn-bac-giang", false)]
    [InlineData("bqlkkt-ha-tinh", false)]
    [InlineData("bqlkkt-dung-quat", false)]
    public void ValidatorsOnlyWhereThePlatformSendsThem(string board, bool validators)
    {
        var site = Render(board, 6);
        var article = Find(site, site.Articles[0].Path)!;

        Assert.Equal(validators, article.ETag is not null);
        Assert.Equal(validators, article.LastModified is not null);
    }

    private static Resource? Find(Site site, string pathAndQuery)
    {
        var q = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        return q < 0 ? site.Find(pathAndQuery, "") : site.Find(pathAndQuery[..q], pathAndQuery[q..]);
    }

    private static string Canonical(Site site, string path) => UrlCanonicalizer.Resolve(site.Board.BaseUrl, path)!.PathAndQuery;
}
