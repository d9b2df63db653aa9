namespace Pipeline.Extraction.Html;

/// <summary>A link to a file attached to an article (report, decision, form).</summary>
public sealed record Attachment(string Url, string Text);

/// <summary>
/// One page read as an article. Body is clean text: paragraphs separated by blank lines, a table's
/// rows one per line with cells separated by " | ", captions on their own lines.
/// </summary>
public sealed record Article
{
    public string? Title { get; init; }

    /// <summary>yyyy-MM-dd, or yyyy-MM-ddTHH:mm when the page gives the time.</summary>
    public string? Published { get; init; }

    /// <summary>Where the date came from: "selector", "meta:NAME", "json-ld", "time", "date-line" or "url".</summary>
    public string? PublishedFrom { get; init; }

    /// <summary>The source or author line ("Theo …", "Nguồn: …", a signature), taken out of the body.</summary>
    public string? Author { get; init; }

    /// <summary>The site's name as its og:site_name, header or footer gives it: which board publishes, in which province.</summary>
    public string? Site { get; init; }

    public string Body { get; init; } = "";

    public IReadOnlyList<Attachment> Attachments { get; init; } = [];

    /// <summary>True for a page that lists articles (teasers, dates, a pager) rather than being one.</summary>
    public bool IsListing { get; init; }

    /// <summary>How the body was found, for diagnostics: "selector", "scored TAG.CLASS", "listing: …".</summary>
    public string Reason { get; init; } = "";
}

/// <summary>
/// CSS selectors a site registry knows for a platform or site. Each one that is given and matches
/// wins over the generic heuristics; one that is missing, invalid or matches nothing is ignored.
/// </summary>
public sealed record ArticleSelectors(string? Title = null, string? Date = null, string? Body = null);
