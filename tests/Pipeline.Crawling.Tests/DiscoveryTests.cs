using System.IO.Compression;
using System.Text;
using Pipeline.Crawling.Discovery;
using Pipeline.Crawling.Registry;

namespace Pipeline.Crawling.Tests;

public sealed class DiscoveryTests
{
    [Fact]
    public void AUrlSetGivesPagesWithTheirDates()
    {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <url><loc> https://x.vn/2023/07/bai-mot/ </loc><lastmod>2023-07-12</lastmod><changefreq>daily</changefreq></url>
              <url><lastmod>2024-01-02T08:00:00+07:00</lastmod><loc>https://x.vn/2024/01/bai-hai/</loc></url>
              <url><loc>not a url</loc></url>
            </urlset>
            """;

        var content = SitemapReader.Read(Encoding.UTF8.GetBytes(xml));

        Assert.Null(content.Error);
        Assert.Equal(["https://x.vn/2023/07/bai-mot/", "https://x.vn/2024/01/bai-hai/"], content.Pages.Select(p => p.Url.AbsoluteUri));
        Assert.Equal(new DateTimeOffset(2023, 7, 12, 0, 0, 0, TimeSpan.Zero), content.Pages[0].Date);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 1, 0, 0, TimeSpan.Zero), content.Pages[1].Date!.Value.ToUniversalTime());
    }

    [Fact]
    public void AGzippedIndexGivesItsSitemaps()
    {
        var xml = """<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://x.vn/s1.xml.gz</loc></sitemap><sitemap><loc>https://x.vn/s2.xml</loc><lastmod>2024-01-01</lastmod></sitemap></sitemapindex>""";

        var content = SitemapReader.Read(Gzip(Encoding.UTF8.GetBytes(xml)));

        Assert.Equal(["https://x.vn/s1.xml.gz", "https://x.vn/s2.xml"], content.Sitemaps.Select(u => u.AbsoluteUri));
        Assert.Empty(content.Pages);
    }

    [Fact]
    public void ABrokenSitemapKeepsWhatCameBeforeTheBreak()
    {
        var content = SitemapReader.Read(Encoding.UTF8.GetBytes("<urlset><url><loc>https://x.vn/a.html</loc></url><url><loc>https://x.vn/b"));

        Assert.NotNull(content.Error);
        Assert.Equal("https://x.vn/a.html", Assert.Single(content.Pages).Url.AbsoluteUri);
    }

    [Fact]
    public void ASitemapBombIsCutOff()
    {
        var bomb = Gzip(Encoding.UTF8.GetBytes("<urlset>" + new string(' ', 5_000_000)));

        var content = SitemapReader.Read(bomb, maxBytes: 1_000_000);

        Assert.Contains("passed", content.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ExternalEntitiesAreNeverResolved()
    {
        var xml = """<?xml version="1.0"?><!DOCTYPE u [<!ENTITY x SYSTEM "file:///etc/passwd">]><urlset><url><loc>https://x.vn/&x;</loc></url></urlset>""";

        var content = SitemapReader.Read(Encoding.UTF8.GetBytes(xml));

        Assert.DoesNotContain(content.Pages, p => p.Url.AbsoluteUri.Contains("root", StringComparison.Ordinal));
    }

    [Fact]
    public void RssAndAtomItemsAreRead()
    {
        var rss = """
            <rss version="2.0"><channel><title>Tin</title><link>https://x.vn/</link>
            <item><title>Bài một</title><link>https://x.vn/tin/bai-1.html</link><pubDate>Tue, 05 Mar 2024 08:00:00 +0700</pubDate></item>
            <item><guid isPermaLink="true">https://x.vn/tin/bai-2.html</guid><pubDate>Wed, 06 Mar 2024 08:00:00 GMT</pubDate></item>
            </channel></rss>
            """;
        var atom = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Tin</title><link href="https://x.vn/" rel="self"/>
            <entry><title>Bài ba</title><link rel="edit" href="https://x.vn/edit/3"/><link href="https://x.vn/tin/bai-3.html"/><updated>2024-03-07T10:00:00Z</updated></entry>
            </feed>
            """;

        var items = FeedReader.Read(Encoding.UTF8.GetBytes(rss)).Items.Concat(FeedReader.Read(Encoding.UTF8.GetBytes(atom)).Items).ToList();

        Assert.Equal(["https://x.vn/tin/bai-1.html", "https://x.vn/tin/bai-2.html", "https://x.vn/tin/bai-3.html"], items.Select(i => i.Url.AbsoluteUri));
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 1, 0, 0, TimeSpan.Zero), items[0].Date!.Value.ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2024, 3, 7, 10, 0, 0, TimeSpan.Zero), items[2].Date!.Value.ToUniversalTime());
    }

    [Fact]
    public void AListingsLinksAreSortedIntoArticlesAndMoreListings()
    {
        var source = SourceRegistry.Parse("""{"sources": [{"name": "n", "title": "B", "province": "P", "kind": "KCN", "base_url": "https://x.vn/", "platform": "nukeviet", "aliases": ["www.x.vn"]}]}""").Sources[0];
        var html = """
            <html><body><ul>
            <li><a href="/news/tin-tuc/thu-hut-dau-tu-1234.html">Bài</a></li>
            <li><a href="https://www.x.vn/news/tin-tuc/xuat-khau-1235.html#binh-luan">Bài</a></li>
            <li><a href="/news/tin-tuc/thu-hut-dau-tu-1234.html?utm_source=zalo">Lặp</a></li>
            <li><a href="https://khac.vn/news/tin-tuc/bai-99.html">Nơi khác</a></li>
            <li><a href="/uploads/bao-cao-2023.pdf">Tệp</a></li>
            </ul><div class="pager"><a href="/news/tin-tuc/page-2/">2</a><a href="javascript:next()">›</a></div></body></html>
            """;

        var links = LinkExtractor.Read(html, new Uri("https://x.vn/news/tin-tuc/"), source);

        Assert.Equal(["https://x.vn/news/tin-tuc/thu-hut-dau-tu-1234.html", "https://www.x.vn/news/tin-tuc/xuat-khau-1235.html"], links.Articles.Select(u => u.AbsoluteUri));
        Assert.Equal(["https://x.vn/news/tin-tuc/page-2/"], links.Listings.Select(u => u.AbsoluteUri));
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}
