namespace Pipeline.Sites;

/// <summary>A board as its bundled site shows it: registry name, title, platform and the host it answers to.</summary>
public sealed record Board(string Name, string Title, string Province, string Platform, string Host)
{
    public Uri BaseUrl => new($"http://{Host}/");
}

/// <summary>
/// One response of a site, fixed at build time. ETag and LastModified are set only on platforms
/// that send validators; Location makes it a redirect.
/// </summary>
public sealed record Resource(int Status, string ContentType, byte[] Body, DateTimeOffset? LastModified = null, string? ETag = null, string? Location = null);

/// <summary>An article as published on its board's site.</summary>
public sealed record PublishedArticle(BoardArticle Article, string Path);

/// <summary>
/// A board's whole site, rendered: every response by path and query (query parameters sorted as
/// the crawler's canonical URLs have them), the articles and where they are, and the paths its
/// robots.txt forbids (linked from the listings).
/// </summary>
public sealed record Site(Board Board, IReadOnlyDictionary<string, Resource> Resources, IReadOnlyList<PublishedArticle> Articles, IReadOnlyList<string> ListingPaths, string ForbiddenPath)
{
    /// <summary>The response for a request's path and query (in any parameter order), or null.</summary>
    public Resource? Find(string path, string query) =>
        Resources.GetValueOrDefault(path + Markup.SortedQuery(query));
}
