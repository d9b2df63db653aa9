namespace Pipeline.Crawling.Fetching;

/// <summary>
/// Every tunable of a crawl in one typed object, loaded from file or environment by the CLI.
/// The defaults suit small government servers: one request at a time per host, seconds apart.
/// </summary>
public sealed record CrawlSettings
{
    /// <summary>The product token robots.txt groups are matched against.</summary>
    public string ProductToken { get; init; } = "PipelineBot";

    /// <summary>Where a site owner learns who is crawling and how to reach us; sent in the User-Agent.</summary>
    public string ContactUrl { get; init; } = "https://github.com/pipeline-vn/pipeline#crawler";

    public string UserAgent => $"Mozilla/5.0 (compatible; {ProductToken}/1.0; +{ContactUrl})";

    /// <summary>The delay when neither the command line, the configuration nor the board sets one: the one place it is stated.</summary>
    public static readonly TimeSpan DefaultDelay = TimeSpan.FromSeconds(5);

    /// <summary>The longest delay a user or a registry may ask for.</summary>
    public const double MaxDelaySeconds = 3600;

    /// <summary>
    /// The run's gap between the end of one request to a host and the start of the next; a board's own
    /// delay_seconds replaces it and robots.txt's Crawl-delay is its floor (<see cref="Politeness.DelayRule"/>).
    /// </summary>
    public TimeSpan Delay { get; init; } = DefaultDelay;

    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(20);

    public TimeSpan OverallTimeout { get; init; } = TimeSpan.FromMinutes(2);

    public int MaxRetries { get; init; } = 3;

    /// <summary>First backoff step; later ones double, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>A Retry-After longer than this is not waited for within the run; the page is left for the next one.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Bodies are cut off past this many bytes after decompression, so a gzip bomb cannot fill memory.</summary>
    public long MaxBodyBytes { get; init; } = 10L * 1024 * 1024;

    public int MaxRedirects { get; init; } = 5;

    /// <summary>Failures (as a share of requests in the window) that open a host's circuit.</summary>
    public double BreakerFailureRatio { get; init; } = 0.5;

    public int BreakerMinimumThroughput { get; init; } = 8;

    public TimeSpan BreakerSamplingDuration { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan BreakerBreakDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a fetched robots.txt is trusted.</summary>
    public TimeSpan RobotsCacheTime { get; init; } = TimeSpan.FromHours(24);

    /// <summary>How long an unreachable (5xx) robots.txt keeps its host closed before it is asked again.</summary>
    public TimeSpan RobotsRetryAfterFailure { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Hosts crawled at once; each host still gets one request at a time.</summary>
    public int ParallelHosts { get; init; } = 8;

    /// <summary>Listing pages followed from a start point (pager hops count); a board's max_listing_depth replaces it.</summary>
    public int MaxDepth { get; init; } = 50;

    /// <summary>Listings in a row that bring no article not seen before, after which a chain of listings ends (endless pagers).</summary>
    public int MaxBarrenListings { get; init; } = 3;

    /// <summary>
    /// Every problem with what a user typed for a crawl, in the user's words (the option, the value,
    /// what is allowed); empty when all is well.
    /// </summary>
    public static IReadOnlyList<string> Validate(int? maxPages, double? delaySeconds)
    {
        var problems = new List<string>();
        if (maxPages is { } pages && pages < 1)
        {
            problems.Add($"--max-pages must be a whole number of pages, 1 or more, not {pages}");
        }

        if (delaySeconds is { } seconds && !(seconds >= 0 && seconds <= MaxDelaySeconds))
        {
            problems.Add(FormattableString.Invariant($"--delay must be a number of seconds from 0 to {MaxDelaySeconds}, not {seconds}"));
        }

        return problems;
    }
}
