using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Pipeline.Crawling.Sites;

/// <summary>An article as published on a test site, with the body the extractor should find.</summary>
public sealed record PublishedArticle(string Path, Bulletin Bulletin);

/// <summary>
/// A portal-shaped site written by this project: a platform's URL scheme and page furniture around
/// corpus bulletins, with robots.txt, listings with a pager, and (per platform) sitemaps and a feed.
/// Faults are added per path.
/// </summary>
public sealed class PortalSite
{
    public const int PerPage = 10;

    public string Platform { get; private init; } = "";

    public Dictionary<string, Func<HttpContext, int, Task>> Responses { get; } = new(StringComparer.Ordinal);

    public List<PublishedArticle> Articles { get; } = [];

    /// <summary>Paths robots.txt disallows; linked from the listings so a test can check they are never asked for.</summary>
    public List<string> Forbidden { get; } = [];

    public string Robots { get; set; } = "";

    /// <summary>Serves HTML with validators (ETag and Last-Modified), answering conditional GETs with 304.</summary>
    public bool Validators { get; init; } = true;

    public void Html(string path, string html, string contentType = "text/html; charset=utf-8") =>
        Bytes(path, Encoding.UTF8.GetBytes(html), contentType);

    public void Bytes(string path, byte[] body, string contentType, Action<HttpResponse>? headers = null)
    {
        var etag = $"\"{Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(body))[..16]}\"";
        Responses[path] = async (context, _) =>
        {
            if (Validators)
            {
                context.Response.Headers.ETag = etag;
                context.Response.Headers.LastModified = "Mon, 01 Jan 2024 00:00:00 GMT";
                if (context.Request.Headers.IfNoneMatch == etag)
                {
                    context.Response.StatusCode = 304;
                    return;
                }
            }

            context.Response.ContentType = contentType;
            headers?.Invoke(context.Response);
            await context.Response.Body.WriteAsync(body);
        };
    }

    /// <summary>A SharePoint publishing site: .aspx pages, "Skip Ribbon Commands", dates like "Thứ Năm - 11/01/2018 08:31 SA".</summary>
    public static PortalSite SharePoint(IEnumerable<Bulletin> bulletins)
    {
        var site = new PortalSite { Platform = "sharepoint" };
        var list = bulletins.ToList();
        site.Forbidden.Add("/_layouts/Pages/dang-nhap.aspx");
        foreach (var b in list)
        {
            var path = $"/Pages/{b.Slug}.aspx";
            site.Articles.Add(new(path, b));
            site.Html(path, Page("Skip Ribbon Commands Skip to main content", b.Title, $"""
                <div class="ms-breadcrumb"><a href="/">Trang chủ</a> &gt; <a href="/Pages/default.aspx">Tin tức</a></div>
                <div class="news-tools">Tăng cỡ chữ Giảm cỡ chữ | <a href="javascript:print()">In trang</a></div>
                <h1 class="news-title">{Esc(b.Title)}</h1>
                <div class="news-date">{Weekday(b.Date)} - {b.Date:dd/MM/yyyy} 08:31 SA</div>
                <div class="ms-rtestate-field">{Body(b, "IMG_1709.jpg")}</div>
                <div class="share">Chia sẻ: <a href="#">Facebook</a> <a href="#">Zalo</a></div>
                <div class="related"><h3>Tin liên quan</h3><ul>{Related(list, b, p => $"/Pages/{p.Slug}.aspx")}</ul></div>
                """));
        }

        site.Redirect("/", "/Pages/default.aspx");
        site.Listings(list, page => page == 1 ? "/Pages/default.aspx" : $"/Pages/default.aspx?Page={page}", b => $"/Pages/{b.Slug}.aspx");
        site.Robots = "User-agent: *\nDisallow: /_layouts/\nDisallow: /_vti_bin/\n";
        return site;
    }

    /// <summary>A Liferay portal: asset-publisher URLs, p_p_id portlet parameters, no validators (the crawler compares hashes).</summary>
    public static PortalSite Liferay(IEnumerable<Bulletin> bulletins)
    {
        var site = new PortalSite { Platform = "liferay", Validators = false };
        var list = bulletins.ToList();
        site.Forbidden.Add("/c/portal/-/dang-nhap");
        string ArticlePath(Bulletin b) => $"/web/bqlkcn/-/asset_publisher/Xk3p/content/{b.Slug}";
        foreach (var b in list)
        {
            var path = ArticlePath(b);
            site.Articles.Add(new(path, b));
            site.Html(path, Page("Skip portlet Portlet Menu", b.Title, $"""
                <div class="portlet-boundary portlet-journal-content">
                <h3 class="header-title">{Esc(b.Title)}</h3>
                <div class="publish-date">Ngày đăng: {b.Date:dd/MM/yyyy}</div>
                <div class="view-count">Lượt xem: 1573</div>
                <div class="journal-content-article">{Body(b, "DSC01234.JPG")}</div>
                <div class="taglib-social-bookmarks">Chia sẻ bài viết</div>
                <div class="asset-links"><h4>Tin khác</h4><ul>{Related(list, b, ArticlePath)}</ul></div>
                </div>
                """));
        }

        site.Redirect("/", "/web/bqlkcn/tin-tuc", 301);
        site.Listings(list, page => page == 1 ? "/web/bqlkcn/tin-tuc" : $"/web/bqlkcn/tin-tuc?_101_INSTANCE_Xk3p_cur={page}&p_p_id=101_INSTANCE_Xk3p", ArticlePath);
        site.Robots = "User-agent: *\nDisallow: /c/\n\nUser-agent: PipelineBot\nDisallow: /c/\nCrawl-delay: 0.2\n";
        return site;
    }

    /// <summary>A WordPress site: dated slugs, a gzipped sitemap behind a sitemap index, an RSS feed, category pages.</summary>
    public static PortalSite WordPress(IEnumerable<Bulletin> bulletins, Uri baseUrl)
    {
        var site = new PortalSite { Platform = "wordpress" };
        var list = bulletins.ToList();
        site.Forbidden.Add("/wp-admin/2023/01/ban-nhap/");
        string ArticlePath(Bulletin b) => $"/{b.Date:yyyy}/{b.Date:MM}/{b.Slug}/";
        foreach (var b in list)
        {
            var path = ArticlePath(b);
            site.Articles.Add(new(path, b));
            site.Html(path, Page("Chuyển đến nội dung", b.Title, $"""
                <article class="post">
                <h1 class="entry-title">{Esc(b.Title)}</h1>
                <div class="entry-meta"><time class="entry-date" datetime="{b.Date:yyyy-MM-dd}T08:00:00+07:00">{b.Date:dd/MM/yyyy}</time></div>
                <div class="entry-content">{Body(b, "anh-1.png")}</div>
                <div class="sharedaddy">Chia sẻ: Facebook, Twitter</div>
                </article>
                <section id="comments"><h3>Ý kiến bạn đọc</h3><form><textarea></textarea></form></section>
                """));
        }

        site.Redirect("/", "/category/tin-tuc/");

        // Half the articles are only in the sitemap and feed, not in the listings: discovery must use both.
        site.Listings(list.Take(list.Count / 2).ToList(), page => page == 1 ? "/category/tin-tuc/" : $"/category/tin-tuc/page/{page}/", ArticlePath);
        var urls = string.Concat(list.Select(b => $"<url><loc>{new Uri(baseUrl, ArticlePath(b))}</loc><lastmod>{b.Date:yyyy-MM-dd}</lastmod></url>"));
        var sitemap = Encoding.UTF8.GetBytes($"""<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>""");
        site.Bytes("/wp-sitemap-posts-1.xml.gz", Gzip(sitemap), "application/x-gzip");
        site.Bytes("/wp-sitemap.xml", Encoding.UTF8.GetBytes($"""<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>{new Uri(baseUrl, "/wp-sitemap-posts-1.xml.gz")}</loc></sitemap></sitemapindex>"""), "application/xml");
        var items = string.Concat(list.TakeLast(5).Select(b => $"<item><title>{Esc(b.Title)}</title><link>{new Uri(baseUrl, ArticlePath(b))}</link><pubDate>{b.Date.ToDateTime(new TimeOnly(8, 0)):ddd, dd MMM yyyy HH:mm:ss} +0700</pubDate></item>"));
        site.Bytes("/feed/", Encoding.UTF8.GetBytes($"""<?xml version="1.0"?><rss version="2.0"><channel><title>Tin tức</title>{items}</channel></rss>"""), "application/rss+xml");
        site.Robots = $"User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n\nSitemap: {new Uri(baseUrl, "/wp-sitemap.xml")}\n";
        return site;
    }

    /// <summary>Answers the home page with a redirect, as portals send visitors from / to their news page.</summary>
    public void Redirect(string path, string location, int status = 302) =>
        Responses[path] = (context, _) =>
        {
            context.Response.StatusCode = status;
            context.Response.Headers.Location = location;
            return Task.CompletedTask;
        };

    /// <summary>Serves robots.txt as it stands now (tests may change it before starting).</summary>
    public PortalSite WithRobots()
    {
        Responses["/robots.txt"] = async (context, _) =>
        {
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync(Robots);
        };
        return this;
    }

    private void Listings(IReadOnlyList<Bulletin> list, Func<int, string> pagePath, Func<Bulletin, string> articlePath)
    {
        var pages = Math.Max(1, (list.Count + PerPage - 1) / PerPage);
        for (var page = 1; page <= pages; page++)
        {
            var items = string.Concat(list.Skip((page - 1) * PerPage).Take(PerPage).Select(b =>
                $"""<li><a href="{articlePath(b)}">{Esc(b.Title)}</a><span class="date">({b.Date:dd/MM/yyyy})</span><p>{Esc(b.Paragraphs[0][..Math.Min(120, b.Paragraphs[0].Length)])}…</p></li>"""));
            // A pager as portals draw it: first, a window around this page, last.
            var shown = Enumerable.Range(1, pages).Where(p => p == 1 || p == pages || Math.Abs(p - page) <= 3);
            var pager = string.Concat(shown.Select(p => p == page ? $"<span>{p}</span>" : $"""<a href="{pagePath(p)}">{p}</a>"""));
            var forbidden = string.Concat(Forbidden.Select(f => $"""<a href="{f}">Đăng nhập</a>"""));
            Html(pagePath(page), Page("Trang chủ", "Tin tức - sự kiện", $"""<ul class="news-list">{items}</ul><div class="pager">{pager}</div><div class="login">{forbidden}</div>"""));
        }
    }

    private static string Page(string top, string title, string main) => $"""
        <!DOCTYPE html>
        <html lang="vi"><head><meta charset="utf-8"><title>{Esc(title)}</title>
        <script>var _gaq = _gaq || []; _gaq.push(['_trackPageview']);</script></head>
        <body>
        <div class="top-links">{top}</div>
        <nav class="menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu">Giới thiệu</a></li><li><a href="/lien-he">Liên hệ</a></li></ul></nav>
        <div id="main">{main}</div>
        <div class="sidebar"><div class="counter">Thống kê truy cập<br>Đang truy cập: 10<br>Tổng lượt truy cập: 1.234.567</div></div>
        <footer>Bản quyền thuộc Ban Quản lý các khu công nghiệp tỉnh. Địa chỉ: số 1 đường Lý Thái Tổ. Điện thoại: 0222 3822 123.</footer>
        </body></html>
        """;

    private static string Body(Bulletin b, string fileCaption)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < b.Paragraphs.Count; i++)
        {
            sb.Append("<p>").Append(Esc(b.Paragraphs[i])).Append("</p>\n");
            if (i == 0)
            {
                sb.Append($"""<figure><img src="/images/{fileCaption}" alt="{fileCaption}"><figcaption>{fileCaption}</figcaption></figure>""").Append('\n');
            }
        }

        return sb.ToString();
    }

    private static string Related(IReadOnlyList<Bulletin> list, Bulletin current, Func<Bulletin, string> path) =>
        string.Concat(list.Where(b => b != current).Take(3).Select(b => $"""<li><a href="{path(b)}">{Esc(b.Title)}</a></li>"""));

    private static string Weekday(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Monday => "Thứ Hai",
        DayOfWeek.Tuesday => "Thứ Ba",
        DayOfWeek.Wednesday => "Thứ Tư",
        DayOfWeek.Thursday => "Thứ Năm",
        DayOfWeek.Friday => "Thứ Sáu",
        DayOfWeek.Saturday => "Thứ Bảy",
        _ => "Chủ Nhật",
    };

    private static string Esc(string text) => WebUtility.HtmlEncode(text);

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
