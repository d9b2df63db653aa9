namespace Pipeline.Sites;

/// <summary>A Liferay portal: asset-publisher friendly URLs, portlet parameters on the pager, no validators.</summary>
public sealed class LiferayLayout : PlatformLayout
{
    private const string Portlet = "101_INSTANCE_Xk3pTq9";

    public override string Name => "liferay";

    public override string TopBar => "Skip portlet Portlet Menu | Đăng nhập";

    public override string ArticlePath(BoardArticle article, int id) => $"/web/guest/tin-tuc/-/asset_publisher/Xk3pTq9/content/{article.Slug}";

    public override string ListingPath(int page) => page == 1 ? "/web/guest/tin-tuc" : $"/web/guest/tin-tuc?_{Portlet}_cur={page}&p_p_id={Portlet}";

    public override string AttachmentPath(BoardArticle article) => $"/documents/20182/0/{article.Slug}.pdf";

    public override string ImageFolder => "/documents/20182/0/";

    public override string ForbiddenPath => "/c/portal/-/dang-nhap";

    public override string Disallow => "/c/";

    public override string ArticleMain(ArticlePage page) => $"""
        <div class="portlet-boundary portlet-asset-publisher">
        <h1 class="header-title">{Markup.Esc(page.Article.Title)}</h1>
        <div class="metadata-entry"><span class="publish-date">Ngày đăng: {Markup.Day(page.Article.Date)}</span> <span class="view-count">{Views(page)}</span></div>
        <div class="journal-content-article">
        {Markup.Body(page.Article, ImageFolder)}</div>
        {Attachment(page, "Tài liệu đính kèm")}<div class="taglib-social-bookmarks">Chia sẻ bài viết: Facebook Twitter</div>
        {Related(page, "Tin khác", "asset-links")}</div>
        """;
}
