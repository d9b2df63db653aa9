namespace Pipeline.Sites;

/// <summary>Drupal: path aliases under /tin-tuc, zero-based ?page= pager, /sitemap.xml and /rss.xml, validators sent.</summary>
public sealed class DrupalLayout : PlatformLayout
{
    public override string Name => "drupal";

    public override string TopBar => "Skip to main content";

    public override bool Validators => true;

    public override string? SitemapPath => "/sitemap.xml";

    public override string? FeedPath => "/rss.xml";

    public override string ArticlePath(BoardArticle article, int id) => $"/tin-tuc/{article.Slug}";

    // Drupal counts pager pages from zero: the second page is ?page=1.
    public override string ListingPath(int page) => page == 1 ? "/tin-tuc" : $"/tin-tuc?page={page - 1}";

    public override string AttachmentPath(BoardArticle article) => $"/sites/default/files/{article.Slug}.pdf";

    public override string ImageFolder => "/sites/default/files/styles/large/public/";

    public override string ForbiddenPath => "/admin/tin-tuc/soan-bai";

    public override string Disallow => "/admin/";

    public override string ArticleMain(ArticlePage page)
    {
        var at = Markup.Published(page.Article);
        return $"""
            <article role="article" class="node node--type-article node--view-mode-full">
            <h1 class="page-title">{Markup.Esc(page.Article.Title)}</h1>
            <div class="node__meta"><div class="submitted">Đăng ngày <time datetime="{at:yyyy-MM-dd'T'HH:mm:ss}+07:00">{Markup.Day(page.Article.Date)} - {Markup.Time(at)}</time></div></div>
            <div class="node__content">
            <div class="field field--name-body field--type-text-with-summary">
            {Markup.Body(page.Article, ImageFolder)}</div>
            </div>
            {Attachment(page)}<div class="links">{Views(page)} | <a href="/print/{page.Id}">Bản in</a></div>
            </article>
            {Related(page, "Tin liên quan", "block-views-related")}
            """;
    }
}
