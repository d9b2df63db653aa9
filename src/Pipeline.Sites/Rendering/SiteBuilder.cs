using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Sites;

/// <summary>
/// Renders a board's whole site from its articles: home, paginated listings, article pages, robots.txt,
/// sitemaps, feed and attachments. Pure and deterministic: the same articles give the same bytes.
/// </summary>
public static class SiteBuilder
{
    public const int PerPage = 10;

    /// <summary>Pager links either side of the current page; first and last are always shown.</summary>
    public const int PagerWindow = 3;

    /// <summary>
    /// Renders <paramref name="board"/>'s site. <paramref name="listed"/> picks the articles the listings
    /// and the home page show (all by default); the others are announced only by the sitemap and the
    /// feed, as on portals whose category pages miss some posts.
    /// </summary>
    public static Site Build(Board board, IReadOnlyList<BoardArticle> articles, Func<BoardArticle, bool>? listed = null)
    {
        var layout = PlatformLayout.For(board.Platform);
        var resources = new Dictionary<string, Resource>(StringComparer.Ordinal);
        void Add(string path, Resource resource)
        {
            var q = path.IndexOf('?', StringComparison.Ordinal);
            resources[q < 0 ? path : path[..q] + Markup.SortedQuery(path[q..])] = resource;
        }

        Resource Text(string body, string contentType, DateOnly? modified) => Response(layout, Encoding.UTF8.GetBytes(body), contentType, modified);

        var published = Publish(layout, articles);
        var newest = published.Reverse().ToList();
        var latest = newest.Count > 0 ? newest[0].Article.Date : (DateOnly?)null;

        foreach (var (article, path, id) in published)
        {
            var related = newest.Where(p => p.Id != id).OrderBy(p => Math.Abs(p.Id - id)).Take(4).ToList();
            var attachment = HasAttachment(article, id) ? layout.AttachmentPath(article) : null;
            var main = layout.ArticleMain(new ArticlePage(board, article, id, path, related, attachment));
            var crumb = $"""<a href="{layout.ListingPath(1)}">Tin tức - Sự kiện</a>""";
            Add(path, Text(PageShell.Page(board, layout, path, article.Title, crumb, main), "text/html; charset=utf-8", article.Date));
            if (attachment is not null)
            {
                Add(attachment, Response(layout, Pdf(article), "application/pdf", article.Date));
            }
        }

        var shown = listed is null ? newest : newest.Where(p => listed(p.Article)).ToList();
        var pages = Math.Max(1, (shown.Count + PerPage - 1) / PerPage);
        var listingPaths = new List<string>();
        for (var page = 1; page <= pages; page++)
        {
            var path = layout.ListingPath(page);
            listingPaths.Add(path);
            Add(path, Text(Listing(board, OnPage(shown, page), page, pages), "text/html; charset=utf-8", latest));
        }

        Add(layout.HomeRedirect ?? "/", Text(Home(board, layout, shown, layout.HomeRedirect ?? "/"), "text/html; charset=utf-8", latest));
        if (layout.HomeRedirect is { } home)
        {
            Add("/", new Resource(302, "text/html; charset=utf-8", [], Location: home));
        }

        // The menu's two static pages, so a visitor clicking around the demo meets no 404 (the crawler never follows them).
        Add("/gioi-thieu", Text(PageShell.Page(board, layout, "/gioi-thieu", "Giới thiệu", "Giới thiệu",
            $"""<h1 class="page-title">Giới thiệu</h1><p>{Markup.Esc(board.Title)} quản lý nhà nước trực tiếp đối với các khu công nghiệp, khu kinh tế trên địa bàn tỉnh {Markup.Esc(board.Province)}.</p>"""), "text/html; charset=utf-8", null));
        Add("/lien-he", Text(PageShell.Page(board, layout, "/lien-he", "Liên hệ", "Liên hệ",
            $"""<h1 class="page-title">Liên hệ</h1><p>Mọi ý kiến xin gửi về Văn phòng {Markup.Esc(board.Title)}.</p>"""), "text/html; charset=utf-8", null));

        var baseUrl = board.BaseUrl;
        var robots = $"User-agent: *\nDisallow: {layout.Disallow}\n" + (layout.SitemapPath is { } sitemap ? $"\nSitemap: {new Uri(baseUrl, sitemap)}\n" : "");
        Add("/robots.txt", new Resource(200, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(robots)));
        if (layout.SitemapPath is { } sitemapPath)
        {
            var urls = published.Select(p => (Loc: new Uri(baseUrl, p.Path).ToString(), Date: (DateOnly?)p.Article.Date))
                .Prepend((new Uri(baseUrl, layout.ListingPath(1)).ToString(), latest)).ToList();
            var urlset = Encoding.UTF8.GetBytes(Feeds.UrlSet(urls));
            if (layout.Name == "wordpress")
            {
                // WordPress: an index pointing at a gzipped child, as caching plugins serve it.
                const string child = "/wp-sitemap-posts-post-1.xml.gz";
                Add(child, Response(layout, Gzip(urlset), "application/x-gzip", latest));
                Add(sitemapPath, Text(Feeds.SitemapIndex([new Uri(baseUrl, child).ToString()], latest), "application/xml; charset=utf-8", latest));
            }
            else
            {
                Add(sitemapPath, Response(layout, urlset, "application/xml; charset=utf-8", latest));
            }
        }

        if (layout.FeedPath is { } feed)
        {
            var items = newest.Take(PerPage).Select(p => (p.Article, Url: new Uri(baseUrl, p.Path).ToString())).ToList();
            Add(feed, Text(Feeds.Rss(board, baseUrl, items), "application/rss+xml; charset=utf-8", latest));
        }

        return new Site(board, resources, published, shown, listingPaths, layout.ForbiddenPath);
    }

    /// <summary>
    /// Where each article goes, oldest first. Ids count from the oldest article, so they stay put
    /// when newer ones are added.
    /// </summary>
    public static IReadOnlyList<PublishedArticle> Publish(PlatformLayout layout, IEnumerable<BoardArticle> articles) =>
        articles.OrderBy(a => a.Date).ThenBy(a => a.Slug, StringComparer.Ordinal)
            .Select((a, i) => new PublishedArticle(a, layout.ArticlePath(a, 1001 + i), 1001 + i)).ToList();

    /// <summary>The articles of listing page <paramref name="page"/> (from 1) of <paramref name="listed"/>, newest first; none past the end.</summary>
    internal static IReadOnlyList<PublishedArticle> OnPage(IReadOnlyList<PublishedArticle> listed, int page) =>
        page < 1 ? [] : listed.Skip((page - 1) * PerPage).Take(PerPage).ToList();

    /// <summary>
    /// Page <paramref name="page"/> of the <paramref name="pages"/> of the news listing, showing
    /// <paramref name="items"/>, with the platform's pager and the link robots.txt forbids.
    /// </summary>
    public static string Listing(Board board, IReadOnlyList<PublishedArticle> items, int page, int pages)
    {
        var layout = PlatformLayout.For(board.Platform);
        var path = layout.ListingPath(page);
        var main = $"""
            <h1 class="category-title">Tin tức - Sự kiện</h1>
            <ul class="news-list">
            {string.Join("\n", items.Select(Item))}
            </ul>
            {Pager(layout, page, pages)}
            <div class="login"><a href="{layout.ForbiddenPath}">Đăng nhập quản trị</a></div>
            """;
        return PageShell.Page(board, layout, path, $"Tin tức - Sự kiện - Trang {page}", "Tin tức - Sự kiện", main);
    }

    /// <summary>A response, with validators on platforms that send them (ETag from the bytes, Last-Modified from the content's date).</summary>
    public static Resource Response(PlatformLayout layout, byte[] body, string contentType, DateOnly? modified = null) => layout.Validators
        ? new Resource(200, contentType, body,
            modified is { } day ? new DateTimeOffset(day.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero) : null,
            $"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..20]}\"")
        : new Resource(200, contentType, body);

    /// <summary>Some reports come with the full document as a PDF, as boards attach them.</summary>
    private static bool HasAttachment(BoardArticle article, int id) =>
        article.Type == "report" && (article.Blocks.OfType<Table>().Any() || id % 3 == 0);

    private static string Item(PublishedArticle p) =>
        $"""<li class="news-item"><a href="{p.Path}"><img src="/thumbs/{p.Id}.jpg" alt=""></a><h3><a href="{p.Path}">{Markup.Esc(p.Article.Title)}</a></h3><span class="date">({Markup.Day(p.Article.Date)})</span><p>{Markup.Esc(Markup.Teaser(p.Article))}</p></li>""";

    /// <summary>The pager as portals draw it: first, a window around the current page, last, and "next".</summary>
    private static string Pager(PlatformLayout layout, int page, int pages)
    {
        if (pages == 1)
        {
            return "";
        }

        var shown = Enumerable.Range(1, pages).Where(p => p == 1 || p == pages || Math.Abs(p - page) <= PagerWindow).ToList();
        var sb = new StringBuilder("""<div class="pager">""");
        var previous = 0;
        foreach (var p in shown)
        {
            sb.Append(p - previous > 1 ? "<span>…</span>" : "");
            sb.Append(p == page ? $"""<span class="current">{p}</span>""" : $"""<a href="{layout.ListingPath(p)}">{p}</a>""");
            previous = p;
        }

        if (page < pages)
        {
            sb.Append($"""<a href="{layout.ListingPath(page + 1)}" class="next">Trang sau »</a>""");
        }

        return sb.Append("</div>").ToString();
    }

    private static string Home(Board board, PlatformLayout layout, IReadOnlyList<PublishedArticle> newest, string path)
    {
        var latest = string.Join("\n", newest.Take(5).Select(Item));
        var notices = string.Concat(newest.Where(p => p.Article.Type is "notice" or "procedure" or "job").Take(5)
            .Select(p => $"""<li><a href="{p.Path}">{Markup.Esc(p.Article.Title)}</a></li>"""));
        var main = $"""
            <div class="home-news"><div class="box-title"><a href="{layout.ListingPath(1)}">Tin tức - Sự kiện</a></div>
            <ul class="news-list">
            {latest}
            </ul>
            <a href="{layout.ListingPath(1)}" class="more">Xem tất cả</a></div>
            <div class="home-notices"><div class="box-title">Thông báo</div><ul>{notices}</ul></div>
            """;
        return PageShell.Page(board, layout, path, "Trang chủ", "Trang chủ", main);
    }

    /// <summary>A one-page PDF naming the report; enough for a link that works.</summary>
    private static byte[] Pdf(BoardArticle article)
    {
        var text = $"%PDF-1.4\n% {article.Board}/{article.Slug}\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
        return Encoding.ASCII.GetBytes(text);
    }

    /// <summary>Gzip with no timestamp in the header, so the bytes never change.</summary>
    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}
