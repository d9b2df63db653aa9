namespace Pipeline.Crawling.Fetching;

/// <summary>How a fetch ended; the crawl summary counts failures by this.</summary>
public enum FetchOutcome
{
    Ok,
    NotModified,
    NotFound,
    ClientError,
    ServerError,
    RateLimited,
    Timeout,
    ConnectionError,
    Truncated,
    TooLarge,
    RedirectLoop,
    TooManyRedirects,
    RedirectOffSite,
    CircuitOpen,
    Disallowed,
}

/// <summary>Validators from an earlier fetch, sent back so an unchanged page costs a 304.</summary>
public sealed record Validators(string? ETag, string? LastModified)
{
    public static readonly Validators None = new(null, null);
}

/// <summary>One URL's fetch, redirects followed and retries done.</summary>
public sealed record FetchResult
{
    public required Uri Url { get; init; }

    /// <summary>Where the redirects ended (the URL itself when there were none).</summary>
    public required Uri FinalUrl { get; init; }

    public required FetchOutcome Outcome { get; init; }

    /// <summary>Every URL the redirects passed through after the first, the final one included.</summary>
    public IReadOnlyList<Uri> Hops { get; init; } = [];

    /// <summary>The last HTTP status seen; 0 when no response arrived.</summary>
    public int Status { get; init; }

    public byte[] Body { get; init; } = [];

    public string? ContentType { get; init; }

    public string? ETag { get; init; }

    public string? LastModified { get; init; }

    /// <summary>Response headers as received, for the page store.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>HTTP requests made for this URL (retries and redirect hops included).</summary>
    public int Requests { get; init; }

    public TimeSpan Elapsed { get; init; }

    /// <summary>A person-readable reason when the outcome is not Ok or NotModified.</summary>
    public string? Detail { get; init; }

    public bool Succeeded => Outcome is FetchOutcome.Ok or FetchOutcome.NotModified;
}
