using Pipeline.Crawling.Registry;
using Pipeline.Crawling.Sites;

namespace Pipeline.Crawling.Tests;

public sealed class RegistryTests
{
    [Fact]
    public void TheBundledRegistryLoadsWithTwentyProvincesOrMore()
    {
        var registry = SourceRegistry.Load(Path.Combine(Bulletins.Root, "corpus", "sources.json"));

        Assert.True(registry.Sources.Select(s => s.Province).Distinct().Count() >= 20);
        Assert.All(registry.Sources, s =>
        {
            Assert.Equal(Uri.UriSchemeHttps, s.BaseUrl.Scheme);
            Assert.NotEmpty(s.Start);
            Assert.Contains(s.Kind, new[] { "KCN", "KKT" });
            Assert.Null(s.Delay); // the crawler's default applies: the delay is stated once, in CrawlSettings.DefaultDelay
            Assert.Null(s.MaxListingDepth);
        });
    }

    [Fact]
    public void AnEntryNeedsOnlyItsIdentityAndPlatform()
    {
        var registry = SourceRegistry.Parse("""
            {"sources": [{"name": "wp", "title": "Ban Quản lý", "province": "Long An", "kind": "KKT", "base_url": "https://Example.GOV.vn", "platform": "wordpress"}]}
            """);

        var source = Assert.Single(registry.Sources);
        Assert.Equal("example.gov.vn", source.BaseUrl.Host);
        Assert.Equal(["https://example.gov.vn/", "https://example.gov.vn/wp-sitemap.xml", "https://example.gov.vn/feed/"], source.Start.Select(s => s.Url.AbsoluteUri));
        Assert.Matches(source.ArticlePattern, "/2023/07/thu-hut-dau-tu/");
        Assert.Matches(source.ListingPattern, "/category/tin-tuc/page/2/");
        Assert.Equal(".entry-content, .post-content", source.Selectors.Body);
        Assert.Null(source.Delay);
    }

    [Fact]
    public void AnEntryOverridesItsProfile()
    {
        var registry = SourceRegistry.Parse("""
            {"sources": [{"name": "x", "title": "Ban", "province": "Bình Dương", "kind": "KCN", "base_url": "http://x.vn/", "platform": "sharepoint",
              "start": [{"url": "/tin-tuc/Pages/trang-chu.aspx", "kind": "listing"}, {"url": "https://x.vn/rss", "kind": "feed"}],
              "article_pattern": "/chi-tiet/\\d+", "selectors": {"body": "#noidung"}, "delay_seconds": 10, "aliases": ["WWW.x.vn"]}]}
            """);

        var source = registry.Sources[0];
        Assert.Equal(StartKind.Feed, source.Start[1].Kind);
        Assert.Matches(source.ArticlePattern, "/chi-tiet/123");
        Assert.Equal("#noidung", source.Selectors.Body);
        Assert.NotNull(source.Selectors.Title); // from the profile
        Assert.Equal(TimeSpan.FromSeconds(10), source.Delay);
        Assert.Equal(["x.vn", "www.x.vn"], source.Hosts);
        Assert.Same(source, registry.ForHost("www.x.vn"));
    }

    [Fact]
    public void EveryProblemIsReportedAtOnce()
    {
        var e = Assert.Throws<RegistryException>(() => SourceRegistry.Parse("""
            {"sources": [
              {"name": "a", "title": "A", "province": "P", "kind": "KCX", "base_url": "ftp://a", "platform": "joomla"},
              {"name": "b", "title": "B", "province": "P", "kind": "KCN", "base_url": "https://b.vn", "article_pattern": "(unclosed"},
              {"name": "b", "title": "B2", "province": "P", "kind": "KCN", "base_url": "https://b2.vn"}
            ]}
            """));

        Assert.Contains(e.Problems, p => p.Contains("kind must be", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.Contains("base_url", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.Contains("unknown platform \"joomla\"", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.Contains("article_pattern", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.Contains("\"b\" is used by 2", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{\"sources\": [{\"name\": \"a\", \"colour\": \"red\"}]}")]
    [InlineData("{}")]
    public void BrokenFilesGiveAClearError(string json) =>
        Assert.Throws<RegistryException>(() => SourceRegistry.Parse(json));

    [Fact]
    public void ABoardMayCapItsListingDepthAndDefaultsApplyToEveryBoard()
    {
        var registry = SourceRegistry.Parse("""
            {"defaults": {"max_listing_depth": 20, "delay_seconds": 2},
             "sources": [{"name": "a", "title": "A", "province": "P", "kind": "KCN", "base_url": "https://a.vn", "max_listing_depth": 5, "delay_seconds": 0.5},
                         {"name": "b", "title": "B", "province": "P", "kind": "KCN", "base_url": "https://b.vn"}]}
            """);

        Assert.Equal([5, 20], registry.Sources.Select(s => s.MaxListingDepth ?? -1));
        Assert.Equal([TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(2)], registry.Sources.Select(s => s.Delay ?? TimeSpan.MinValue));
    }

    [Fact]
    public void OutOfRangeDepthAndDelayAreEachReportedWithTheirValue()
    {
        var e = Assert.Throws<RegistryException>(() => SourceRegistry.Parse("""
            {"sources": [{"name": "a", "title": "A", "province": "P", "kind": "KCN", "base_url": "https://a.vn", "max_listing_depth": -1, "delay_seconds": -3}]}
            """));

        Assert.Equal(
            ["sources[0] (a): delay_seconds must be between 0 and 3600, not -3", "sources[0] (a): max_listing_depth must be a whole number from 0 to 10000, not -1"],
            e.Problems);
    }
}
