namespace Pipeline.Sites;

/// <summary>A hand-made CMS: /tin-tuc/&lt;slug&gt;-&lt;id&gt;.html, ?trang= pager, no class names a selector could rely on, no validators.</summary>
public sealed class GenericLayout : PlatformLayout
{
    public override string Name => "generic";

    public override string TopBar => "Hôm nay: Cổng thông tin điện tử | English";

    public override string ArticlePath(BoardArticle article, int id) => $"/tin-tuc/{article.Slug}-{id}.html";

    public override string ListingPath(int page) => page == 1 ? "/danh-muc/tin-tuc" : $"/danh-muc/tin-tuc?trang={page}";

    public override string AttachmentPath(BoardArticle article) => $"/Upload/files/{article.Slug}.pdf";

    public override string ImageFolder => "/Upload/images/";

    public override string ForbiddenPath => "/quan-tri/bai-viet/dang-nhap";

    public override string Disallow => "/quan-tri/";

    public override string ArticleMain(ArticlePage page) => $"""
        <table width="100%" class="khung"><tr><td>
        <div class="tieude"><h1>{Markup.Esc(page.Article.Title)}</h1></div>
        <div class="ngay">Ngày đăng: {Markup.Day(page.Article.Date)} | {Views(page)}</div>
        <div class="noidung">
        {Markup.Body(page.Article, ImageFolder)}</div>
        {Attachment(page)}<div class="congcu"><a href="javascript:window.print()">In trang</a> | <a href="javascript:history.back()">Quay lại</a></div>
        {Related(page, "Các tin khác", "tinkhac")}</td></tr></table>
        """;
}
