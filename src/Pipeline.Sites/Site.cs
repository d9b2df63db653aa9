namespace Pipeline.Sites;

/// <summary>
/// A board as its site shows it: registry name, title, platform and the host it answers to (with
/// its port when that is not 80, as for a site served straight from 127.0.0.1).
/// </summary>
public sealed record Board(string Name, string Title, string Province, string Platform, string Host)
{
    public Uri BaseUrl => new($"http://{Host}/");
}

/// <summary>
/// One response of a site, fixed at build time. ETag and LastModified are set only on platforms
/// that send validators; Location makes it a redirect.
/// </summary>
public sealed record Resource(int Status, string ContentType, byte[] Body, DateTimeOffset? LastModified = null, string? ETag = null, string? Location = null);

/// <summary>An article as published on its board's site: where it lives and the id the platform gave it.</summary>
public sealed record PublishedArticle(BoardArticle Article, string Path, int Id);

/// <summary>
/// A board's whole site, rendered: every response by path and query (query parameters sorted as
/// the crawler's canonical URLs have them), the articles and where they are, what the news listing
/// shows (newest first, page by page) and its pages, and the path its robots.txt forbids (linked
/// from the listings).
/// </summary>
public sealed record Site(Board Board, IReadOnlyDictionary<string, Resource> Resources, IReadOnlyList<PublishedArticle> Articles, IReadOnlyList<PublishedArticle> Listed, IReadOnlyList<string> ListingPaths, string ForbiddenPath)
{
    /// <summary>The response for a request's path and query (in any parameter order), or null.</summary>
    public Resource? Find(string path, string query) =>
        Resources.GetValueOrDefault(path + Markup.SortedQuery(query));

    /// <summary>The articles listing page <paramref name="page"/> (from 1) shows; none past the last page.</summary>
    public IReadOnlyList<PublishedArticle> ListedOn(int page) => SiteBuilder.OnPage(Listed, page);
}
