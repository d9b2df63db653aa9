namespace Pipeline.Sites;

/// <summary>NukeViet: /news/&lt;category&gt;/&lt;slug&gt;-&lt;id&gt;.html, /news/page-N/ listings, /sitemap.xml and /feeds/; no validators.</summary>
public sealed class NukeVietLayout : PlatformLayout
{
    public override string Name => "nukeviet";

    public override string TopBar => "Trang nhất | Sơ đồ site | Liên hệ";

    public override string? SitemapPath => "/sitemap.xml";

    public override string? FeedPath => "/feeds/";

    public override string ArticlePath(BoardArticle article, int id) => $"/news/{Category(article.Type)}/{article.Slug}-{id}.html";

    public override string ListingPath(int page) => page == 1 ? "/news/" : $"/news/page-{page}/";

    public override string AttachmentPath(BoardArticle article) => $"/uploads/news/{Markup.Format(article.Date, "yyyy_MM")}/{article.Slug}.pdf";

    public override string ImageFolder => "/uploads/news/images/";

    public override string ForbiddenPath => "/admin/news/dang-nhap-1.html";

    public override string Disallow => "/admin/";

    public override string ArticleMain(ArticlePage page)
    {
        var at = Markup.Published(page.Article);
        return $"""
            <div class="news_column panel panel-default"><div class="panel-body">
            <h1 class="title margin-bottom-lg">{Markup.Esc(page.Article.Title)}</h1>
            <div class="row margin-bottom-lg"><span class="h5 time">{Markup.Weekday(page.Article.Date)} - {Markup.Day(page.Article.Date)} {Markup.Time(at)}</span></div>
            <div id="news-bodyhtml" class="bodytext margin-bottom-lg">
            {Markup.Body(page.Article, ImageFolder)}</div>
            {Attachment(page, "Tải về")}<div class="news-info">{Views(page)} | Tổng số điểm của bài viết là: 0 trong 0 đánh giá</div>
            <div class="socialicon">Chia sẻ: Facebook Zalo</div>
            </div></div>
            {Related(page, "Những tin mới hơn", "news_column related")}
            """;
    }

    private static string Category(string type) => type switch
    {
        "project" => "thu-hut-dau-tu",
        "notice" => "thong-bao",
        "procedure" => "thu-tuc-hanh-chinh",
        "job" => "tuyen-dung",
        "photo" => "phong-su-anh",
        "event" => "su-kien",
        _ => "tin-hoat-dong",
    };
}
