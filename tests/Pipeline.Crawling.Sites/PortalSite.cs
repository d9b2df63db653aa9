using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Http;
using Pipeline.Sites;

namespace Pipeline.Crawling.Sites;

/// <summary>A bulletin as a test site publishes it: where it lives and the text the extractor should find there.</summary>
public sealed record ServedBulletin(string Path, Bulletin Bulletin);

/// <summary>
/// A board's portal for the crawler's tests: corpus bulletins rendered by <see cref="SiteBuilder"/>
/// on one platform, with faults on top. A fault answers one path and query in place of the rendered
/// site (a status, a slow or broken answer, other bytes or headers, a redirect); <see cref="Robots"/>
/// replaces robots.txt; a <see cref="Layer"/> answers the requests it picks (an endless pager, a
/// calendar) and passes the others on to the site. Faults may change between crawls.
/// </summary>
public sealed class PortalSite
{
    public const int PerPage = SiteBuilder.PerPage;

    private const string Title = "Ban Quản lý các KCN tỉnh Bắc Ninh";

    private readonly List<BoardArticle> _articles;
    private readonly HashSet<BoardArticle>? _listed;

    private PortalSite(string platform, IEnumerable<Bulletin> bulletins, Func<int, bool>? listed = null)
    {
        Platform = platform;
        Layout = PlatformLayout.For(platform);
        var pairs = bulletins.Select(b => (Bulletin: b, Article: Article(b))).ToList();
        _articles = pairs.Select(p => p.Article).ToList();
        _listed = listed is null ? null : _articles.Where((_, i) => listed(i)).ToHashSet<BoardArticle>(ReferenceEqualityComparer.Instance);
        var bulletinOf = pairs.ToDictionary<(Bulletin Bulletin, BoardArticle Article), BoardArticle, Bulletin>(p => p.Article, p => p.Bulletin, ReferenceEqualityComparer.Instance);
        Articles = SiteBuilder.Publish(Layout, _articles).Select(p => new ServedBulletin(p.Path, bulletinOf[p.Article])).ToList();
    }

    public string Platform { get; }

    public PlatformLayout Layout { get; }

    /// <summary>Every bulletin and its path, oldest first.</summary>
    public IReadOnlyList<ServedBulletin> Articles { get; }

    /// <summary>The admin page the listings link to and robots.txt disallows: a test checks it is never asked for.</summary>
    public string ForbiddenPath => Layout.ForbiddenPath;

    /// <summary>When set, robots.txt says this instead of what the platform's robots.txt says.</summary>
    public string? Robots { get; set; }

    /// <summary>Faults by path and query; each is told how many requests for it came before.</summary>
    public ConcurrentDictionary<string, Func<HttpContext, int, Task>> Responses { get; } = new(StringComparer.Ordinal);

    /// <summary>Answers the requests it picks from the rendered site given; the others go on to the site (next).</summary>
    public Func<HttpContext, Site, RequestDelegate, Task>? Layer { get; set; }

    /// <summary>A SharePoint publishing site: .aspx pages, "/" redirecting to the home page, validators sent.</summary>
    public static PortalSite SharePoint(IEnumerable<Bulletin> bulletins) => new("sharepoint", bulletins);

    /// <summary>A Liferay portal: asset-publisher URLs, portlet parameters on the pager, no validators (the crawler compares hashes).</summary>
    public static PortalSite Liferay(IEnumerable<Bulletin> bulletins) => new("liferay", bulletins);

    /// <summary>
    /// A WordPress site whose category pages list only the first half of <paramref name="bulletins"/>:
    /// the others are only in its sitemap (an index with a gzipped child) and feed, so discovery must use both.
    /// </summary>
    public static PortalSite WordPress(IEnumerable<Bulletin> bulletins)
    {
        var list = bulletins.ToList();
        return new("wordpress", list, i => i < list.Count / 2);
    }

    /// <summary>A hand-made CMS: /tin-tuc/&lt;slug&gt;-&lt;id&gt;.html articles, a ?trang= pager, no validators.</summary>
    public static PortalSite Generic(IEnumerable<Bulletin> bulletins) => new("generic", bulletins);

    /// <summary>Serves <paramref name="html"/> at <paramref name="path"/> (with validators where the platform sends them).</summary>
    public void Html(string path, string html, string contentType = "text/html; charset=utf-8") =>
        Bytes(path, Encoding.UTF8.GetBytes(html), contentType);

    /// <summary>Serves <paramref name="body"/> as <paramref name="contentType"/> says, true or not.</summary>
    public void Bytes(string path, byte[] body, string contentType)
    {
        var resource = SiteBuilder.Response(Layout, body, contentType);
        Responses[path] = (context, _) => SiteServer.SendAsync(context, resource);
    }

    public void Redirect(string path, string location, int status = 302)
    {
        var resource = new Resource(status, "text/html; charset=utf-8", [], Location: location);
        Responses[path] = (context, _) => SiteServer.SendAsync(context, resource);
    }

    /// <summary>The site as it is served from 127.0.0.1:<paramref name="port"/> (its sitemaps and feed hold that address).</summary>
    public Site Render(int port) =>
        SiteBuilder.Build(new Board("site", Title, "Bắc Ninh", Platform, $"127.0.0.1:{port}"), _articles, _listed is null ? null : _listed.Contains);

    private static BoardArticle Article(Bulletin b) =>
        new("site", b.Slug, b.Date, b.Title, "report", null, b.Paragraphs.Select(p => (ArticleBlock)new Paragraph(p)).ToList());
}
