namespace Pipeline.Sites;

/// <summary>WordPress: dated slugs, a sitemap index with a gzipped child, an RSS feed, validators sent.</summary>
public sealed class WordPressLayout : PlatformLayout
{
    public override string Name => "wordpress";

    public override string TopBar => "Chuyển đến nội dung";

    public override bool Validators => true;

    public override string? SitemapPath => "/wp-sitemap.xml";

    public override string? FeedPath => "/feed/";

    public override string ArticlePath(BoardArticle article, int id) => $"/{Markup.Format(article.Date, "yyyy/MM/dd")}/{article.Slug}/";

    public override string ListingPath(int page) => page == 1 ? "/chuyen-muc/tin-tuc/" : $"/chuyen-muc/tin-tuc/page/{page}/";

    public override string AttachmentPath(BoardArticle article) => $"/wp-content/uploads/{Markup.Format(article.Date, "yyyy/MM")}/{article.Slug}.pdf";

    public override string ImageFolder => "/wp-content/uploads/images/";

    public override string ForbiddenPath => "/wp-admin/2023/01/ban-nhap/";

    public override string Disallow => "/wp-admin/";

    public override string ArticleMain(ArticlePage page)
    {
        var at = Markup.Published(page.Article);
        return $"""
            <article id="post-{page.Id}" class="post-{page.Id} post type-post status-publish">
            <header class="entry-header">
            <h1 class="entry-title">{Markup.Esc(page.Article.Title)}</h1>
            <div class="entry-meta"><span class="posted-on">Đăng ngày <time class="entry-date published" datetime="{at:yyyy-MM-dd'T'HH:mm:ss}+07:00">{Markup.Day(page.Article.Date)}</time></span> <span class="byline">bởi quantri</span></div>
            </header>
            <div class="entry-content">
            {Markup.Body(page.Article, ImageFolder)}</div>
            {Attachment(page)}<footer class="entry-footer">Chuyên mục: <a href="{ListingPath(1)}">Tin tức</a> | <span class="sharedaddy">Chia sẻ: Facebook, Twitter</span></footer>
            </article>
            {Related(page, "Bài viết liên quan", "jp-relatedposts")}<section id="comments"><h3>Ý kiến bạn đọc</h3><form action="/wp-comments-post.php" method="post"><textarea name="comment"></textarea></form></section>
            """;
    }
}
