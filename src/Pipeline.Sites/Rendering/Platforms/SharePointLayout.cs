namespace Pipeline.Sites;

/// <summary>
/// SharePoint publishing: .aspx pages in a Pages library, "/" redirecting to the home page, validators sent.
/// The news sub-site is not called "tin-tuc": the profile reads /tin-tuc/…/default.aspx as an article.
/// </summary>
public sealed class SharePointLayout : PlatformLayout
{
    public override string Name => "sharepoint";

    public override string TopBar => "Skip Ribbon Commands Skip to main content | Đăng nhập";

    public override bool Validators => true;

    public override string? HomeRedirect => "/Pages/default.aspx";

    public override string ArticlePath(BoardArticle article, int id) => $"/tintuc-sukien/Pages/{article.Slug}.aspx";

    public override string ListingPath(int page) => page == 1 ? "/tintuc-sukien/Pages/default.aspx" : $"/tintuc-sukien/Pages/default.aspx?Page={page}";

    public override string AttachmentPath(BoardArticle article) => $"/Documents/{article.Slug}.pdf";

    public override string ImageFolder => "/PublishingImages/";

    public override string ForbiddenPath => "/_layouts/Pages/dang-nhap.aspx";

    public override string Disallow => "/_layouts/";

    public override string ArticleMain(ArticlePage page)
    {
        var at = Markup.Published(page.Article);
        return $"""
            <div class="ms-webpart-zone">
            <h1 class="news-title">{Markup.Esc(page.Article.Title)}</h1>
            <div class="news-date">{Markup.Weekday(page.Article.Date)} - {Markup.Day(page.Article.Date)} {Markup.Time(at)} SA</div>
            <div class="news-tools">{Views(page)} | <a href="javascript:window.print()">In bài</a> | <a href="mailto:?subject=Tin">Gửi email</a></div>
            <div class="ms-rtestate-field">
            {Markup.Body(page.Article, ImageFolder)}</div>
            {Attachment(page)}<div class="share">Chia sẻ: <a href="https://www.facebook.com/sharer">Facebook</a> <a href="https://zalo.me/share">Zalo</a></div>
            {Related(page, "Tin liên quan")}</div>
            """;
    }
}
