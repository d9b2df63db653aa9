namespace Pipeline.Sites;

/// <summary>What an article page shows besides the article: where it lives, its neighbours and its file.</summary>
public sealed record ArticlePage(Board Board, BoardArticle Article, int Id, string Path, IReadOnlyList<PublishedArticle> Related, string? Attachment);

/// <summary>
/// How one portal platform lays out a board's site: its URL scheme (matching the crawler's platform
/// profile), its robots.txt, sitemaps and feeds, and the markup around an article. Pure.
/// </summary>
public abstract class PlatformLayout
{
    public abstract string Name { get; }

    /// <summary>A line of the skip links and utilities the platform puts above everything.</summary>
    public abstract string TopBar { get; }

    public abstract string ArticlePath(BoardArticle article, int id);

    /// <summary>Page <paramref name="page"/> (from 1) of the news listing.</summary>
    public abstract string ListingPath(int page);

    /// <summary>Where the platform keeps uploaded files.</summary>
    public abstract string AttachmentPath(BoardArticle article);

    public abstract string ImageFolder { get; }

    /// <summary>An admin page the listings link to and robots.txt forbids; it matches the article pattern so the crawler meets it.</summary>
    public abstract string ForbiddenPath { get; }

    /// <summary>The robots.txt Disallow prefix that covers <see cref="ForbiddenPath"/>.</summary>
    public abstract string Disallow { get; }

    /// <summary>Whether pages carry ETag and Last-Modified and conditional GETs get 304.</summary>
    public virtual bool Validators => false;

    /// <summary>Where the home page redirects to, on platforms whose "/" is only a redirect.</summary>
    public virtual string? HomeRedirect => null;

    public virtual string? SitemapPath => null;

    public virtual string? FeedPath => null;

    /// <summary>The main column of an article page.</summary>
    public abstract string ArticleMain(ArticlePage page);

    public static PlatformLayout For(string platform) => platform.ToLowerInvariant() switch
    {
        "sharepoint" => new SharePointLayout(),
        "liferay" => new LiferayLayout(),
        "wordpress" => new WordPressLayout(),
        "drupal" => new DrupalLayout(),
        "nukeviet" => new NukeVietLayout(),
        "generic" => new GenericLayout(),
        _ => throw new ArgumentException($"no bundled layout for the platform \"{platform}\"", nameof(platform)),
    };

    /// <summary>The share bar, related news and attachment link most platforms draw under an article.</summary>
    protected static string Attachment(ArticlePage page, string label = "File đính kèm") => page.Attachment is { } file
        ? $"""<div class="attachments">{label}: <a href="{file}">{Markup.Esc(System.IO.Path.GetFileName(file))}</a></div>""" + "\n"
        : "";

    protected static string Related(ArticlePage page, string heading, string cssClass = "related") =>
        $"""<div class="{cssClass}"><h3>{heading}</h3><ul>{string.Concat(page.Related.Select(r => $"""<li><a href="{r.Path}">{Markup.Esc(r.Article.Title)}</a> <span class="date">({Markup.Day(r.Article.Date)})</span></li>"""))}</ul></div>""" + "\n";

    protected static string Views(ArticlePage page) => $"Lượt xem: {Markup.Number(page.Path, 120, 4800)}";
}
