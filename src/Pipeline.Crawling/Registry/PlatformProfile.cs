using System.Text.RegularExpressions;

namespace Pipeline.Crawling.Registry;

/// <summary>
/// What the boards' portal platforms have in common: where articles and listings live and which
/// elements hold the article. A registry entry names its platform and overrides only what differs.
/// </summary>
public sealed record PlatformProfile(
    string Name,
    string ArticlePattern,
    string ListingPattern,
    PageSelectors Selectors,
    IReadOnlyList<(string Path, StartKind Kind)> DefaultStart)
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    public Regex Article => new(ArticlePattern, Options, TimeSpan.FromSeconds(1));

    public Regex Listing => new(ListingPattern, Options, TimeSpan.FromSeconds(1));

    /// <summary>The profiles by name; "generic" is the fallback for a platform nobody has described yet.</summary>
    public static readonly IReadOnlyDictionary<string, PlatformProfile> All = new Dictionary<string, PlatformProfile>(StringComparer.OrdinalIgnoreCase)
    {
        // SharePoint publishing: every page is an .aspx under a Pages library; listings page with ?Page= or PageIndex.
        ["sharepoint"] = new(
            "sharepoint",
            @"/pages/(?!default\.aspx)[^/?#]+\.aspx$|/(tin-tuc|news|tintuc)/[^?#]*\.aspx$|[?&](itemid|newsid|id)=\d+",
            @"/(pages/)?(default|tin-tuc|tintuc|news|category|danh-muc)[^?#]*\.aspx(\?.*(page|pageindex|p)=\d+.*)?$|[?&](page|pageindex)=\d+",
            new(".ms-rtestate-field h1, .news-title, h1", ".news-date, .date, .ngay-dang", ".ms-rtestate-field, .news-content, .article-content"),
            [("/", StartKind.Listing)]),

        // Liferay asset publisher: friendly URLs /-/asset_publisher/ID/content/slug, or p_p_id portlet URLs with an articleId.
        ["liferay"] = new(
            "liferay",
            @"/-/(asset_publisher/[^/]+/content/|)[a-z0-9\-_%]+(\?|$)|[?&]_[a-z0-9_]+_(articleid|urltitle)=",
            @"/(web/[^/?#]+/)?(tin-tuc|tin-hoat-dong|news)[^?#]*(\?.*_cur=\d+.*)?$|[?&]_[a-z0-9_]+_(cur|delta)=\d+",
            new(".header-title, .asset-title, h1", ".publish-date, .entry-date", ".journal-content-article, .asset-content"),
            [("/", StartKind.Listing)]),

        // Oracle WebCenter Content: documents are addressed by dDocName.
        ["webcenter"] = new(
            "webcenter",
            @"[?&]ddocname=[a-z0-9_\-]+",
            @"/(tin-tuc|news|danh-sach)[^?#]*$|[?&](page|pageindex|_afrloop)=\d+",
            new("h1, .title", ".date", ".content, .detail"),
            [("/", StartKind.Listing)]),

        ["drupal"] = new(
            "drupal",
            @"/node/\d+$|/(tin-tuc|news|bai-viet)/[a-z0-9\-]+$",
            @"/(tin-tuc|news|taxonomy/term/\d+)/?(\?.*page=\d+.*)?$|[?&]page=\d+",
            new("h1.page-title, h1", ".field-name-post-date, .submitted, time", ".field-name-body, .field--name-body, .node__content"),
            [("/", StartKind.Listing), ("/sitemap.xml", StartKind.Sitemap), ("/rss.xml", StartKind.Feed)]),

        // NukeViet: /news/category/slug-ID.html for articles, /news/category/page-N for listings.
        ["nukeviet"] = new(
            "nukeviet",
            @"/[a-z\-]+/[a-z0-9\-]+/[a-z0-9\-]+-\d+\.html$",
            @"/news/([a-z0-9\-]+/?)?(page-\d+/?)?$|/[a-z\-]+/[a-z0-9\-]+/page-\d+/?$",
            new("h1.title, h1", ".time, .news-date", "#news-bodyhtml, .bodytext, #bodytext"),
            [("/", StartKind.Listing), ("/sitemap.xml", StartKind.Sitemap), ("/feeds/", StartKind.Feed)]),

        ["wordpress"] = new(
            "wordpress",
            @"/\d{4}/\d{2}/(\d{2}/)?[^/?#]+/?$|[?&]p=\d+$",
            @"/(category|tag|chuyen-muc)/[^?#]+?(/page/\d+)?/?$|/page/\d+/?$",
            new("h1.entry-title, h1", "time.entry-date, .posted-on time", ".entry-content, .post-content"),
            [("/", StartKind.Listing), ("/wp-sitemap.xml", StartKind.Sitemap), ("/feed/", StartKind.Feed)]),

        // Hand-made CMSs: an article has an id or a dated slug in its path or query; listings page with a page number.
        ["generic"] = new(
            "generic",
            @"[?&](id|newsid|itemid|articleid|tinid)=\d+|/[a-z0-9\-]*\d+[a-z0-9\-]*\.(html?|aspx|php)$|/(tin-tuc|news|bai-viet|chi-tiet)/[a-z0-9\-]+/?$",
            @"[?&](page|trang|p|pageindex)=\d+|/(page|trang)/\d+/?$|/(tin-tuc|news|danh-muc|chuyen-muc)/?$",
            PageSelectors.None,
            [("/", StartKind.Listing)]),
    };
}
