using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Pipeline.Crawling.Discovery;
using Pipeline.Crawling.Fetching;
using Pipeline.Crawling.Registry;
using Pipeline.Crawling.Robots;
using Pipeline.Crawling.State;
using Pipeline.Crawling.Urls;

namespace Pipeline.Crawling;

/// <summary>What to crawl this time.</summary>
public sealed record CrawlRequest(IReadOnlyList<Source> Sources, int? MaxPages = null, DateOnly? Since = null);

/// <summary>How a crawl went, for the closing summary.</summary>
public sealed record CrawlSummary
{
    public long Run { get; init; }

    public bool Resumed { get; init; }

    /// <summary>Pages that answered (200 or 304).</summary>
    public int Fetched { get; init; }

    public int New { get; init; }

    public int Changed { get; init; }

    public int Unchanged { get; init; }

    public int BlockedByRobots { get; init; }

    /// <summary>Announced or published before --since, so not fetched or not kept.</summary>
    public int BeforeSince { get; init; }

    public IReadOnlyDictionary<string, int> Failed { get; init; } = new Dictionary<string, int>();

    /// <summary>HTTP requests sent, retries, redirects and robots.txt included.</summary>
    public int Requests { get; init; }

    public bool PageLimitReached { get; init; }

    /// <summary>
    /// Where the crawl chose to stop, by reason: listing chains that brought nothing new, listings past
    /// a board's depth (pages), calendar and filter links not followed (links). The fetch log says which pages.
    /// </summary>
    public IReadOnlyDictionary<string, int> Stopped { get; init; } = new Dictionary<string, int>();

    public TimeSpan Elapsed { get; init; }
}

/// <summary>Live news of a crawl, for a progress display.</summary>
public interface ICrawlObserver
{
    void Finished(FetchLogEntry entry, int done, int queued);
}

/// <summary>
/// Crawls the registry's boards: many hosts at once, each through its own gate (one request at a
/// time, spaced by <see cref="Politeness.DelayRule"/>); robots.txt first, then start points,
/// sitemaps and feeds, listings and their pagers, then articles. Listing chains that bring nothing
/// new, and calendar or filter permutations, are not followed (<see cref="ListingChains"/>). All
/// state lives in the store, so an interrupted crawl resumes where it stopped.
/// </summary>
public sealed class Crawler(CrawlSettings settings, CrawlStore store, PageFetcher fetcher, IPageReader reader, TimeProvider? clock = null, ICrawlObserver? observer = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, RobotsPolicy> _robots = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> _failed = new();
    private readonly ListingChains _chains = new(settings.MaxBarrenListings);
    private int _fetched;
    private int _new;
    private int _changed;
    private int _unchanged;
    private int _blocked;
    private int _beforeSince;
    private int _requests;
    private int _done;
    private int _pageBudget;
    private bool _limitReached;

    public async Task<CrawlSummary> RunAsync(CrawlRequest request, CancellationToken cancel)
    {
        var started = _clock.GetUtcNow();
        var options = JsonSerializer.Serialize(new { sites = request.Sources.Select(s => s.Name), max_pages = request.MaxPages, since = request.Since?.ToString("O") });
        var run = store.StartRun(options, started);
        store.SaveSources(request.Sources, started);
        _pageBudget = request.MaxPages is { } max ? Math.Max(0, max - store.Fetches(run.Id)) : int.MaxValue;
        var byHost = new Dictionary<string, Source>(StringComparer.OrdinalIgnoreCase);
        foreach (var source in request.Sources)
        {
            foreach (var host in source.Hosts)
            {
                if (byHost.TryAdd(host, source))
                {
                    fetcher.Gate(host).UseBoardDelay(source.Delay);
                }
            }

            if (!run.Resumed)
            {
                store.Enqueue(source.Start.Select(p => new FrontierItem(p.Url, source.Name, Kind(p.Kind), 0)));
            }
        }

        var active = new Dictionary<string, Task>(StringComparer.OrdinalIgnoreCase);
        try
        {
            await CrawlHostsAsync(run.Id, byHost, request, active, cancel).ConfigureAwait(false);
        }
        finally
        {
            // Every host's task ends before the crawl does, even when one failed or the run was stopped: the
            // caller closes the store as soon as this returns, and a host still writing to it would be cut mid-write.
            await Task.WhenAll(active.Values).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        cancel.ThrowIfCancellationRequested();
        var summary = new CrawlSummary
        {
            Run = run.Id,
            Resumed = run.Resumed,
            Fetched = _fetched,
            New = _new,
            Changed = _changed,
            Unchanged = _unchanged,
            BlockedByRobots = _blocked,
            BeforeSince = _beforeSince,
            Failed = new SortedDictionary<string, int>(_failed),
            Requests = _requests,
            PageLimitReached = _limitReached,
            Stopped = _chains.Stopped,
            Elapsed = _clock.GetUtcNow() - started,
        };

        // A run cut short by the page limit still ends: the next crawl starts afresh, and re-reads listings for what is new.
        store.FinishRun(run.Id, JsonSerializer.Serialize(summary), _clock.GetUtcNow());
        return summary;
    }

    /// <summary>Keeps up to ParallelHosts hosts crawling until no host has work left or the run is stopped; <paramref name="active"/> holds the hosts' running tasks.</summary>
    private async Task CrawlHostsAsync(long run, Dictionary<string, Source> byHost, CrawlRequest request, Dictionary<string, Task> active, CancellationToken cancel)
    {
        while (!cancel.IsCancellationRequested)
        {
            foreach (var host in store.QueuedHosts())
            {
                if (active.Count >= settings.ParallelHosts || Volatile.Read(ref _limitReached))
                {
                    break;
                }

                if (!active.ContainsKey(host) && byHost.TryGetValue(host, out var source))
                {
                    active[host] = Task.Run(() => CrawlHostAsync(run, host, source, request, cancel), cancel);
                }
            }

            if (active.Count == 0)
            {
                break;
            }

            var finished = await Task.WhenAny(active.Values).ConfigureAwait(false);
            await finished.ConfigureAwait(false);
            foreach (var host in active.Where(a => a.Value.IsCompleted).Select(a => a.Key).ToList())
            {
                active.Remove(host);
            }
        }
    }

    private async Task CrawlHostAsync(long run, string host, Source source, CrawlRequest request, CancellationToken cancel)
    {
        var robots = await RobotsAsync(run, host, source, cancel).ConfigureAwait(false);
        while (!cancel.IsCancellationRequested)
        {
            if (Interlocked.Decrement(ref _pageBudget) < 0)
            {
                Volatile.Write(ref _limitReached, true);
                return;
            }

            var item = store.Claim(host);
            if (item is null)
            {
                Interlocked.Increment(ref _pageBudget);
                return;
            }

            if (robots.DisallowAll)
            {
                // robots.txt could not be read: the host stays closed; its pages wait for a later run.
                Interlocked.Increment(ref _pageBudget);
                Record(run, item, null, "failed", Entry(item, FetchOutcome.Disallowed.ToString(), 0, 0, "robots.txt unreachable"), null, []);
                _failed.AddOrUpdate("robots.txt unreachable", 1, (_, n) => n + 1);
                continue;
            }

            if (!robots.IsAllowed(item.Url.PathAndQuery))
            {
                Interlocked.Increment(ref _pageBudget);
                Interlocked.Increment(ref _blocked);
                Record(run, item, null, "blocked", Entry(item, "BlockedByRobots", 0, 0, "disallowed by robots.txt"), null, []);
                continue;
            }

            await VisitAsync(run, item, source, robots, request, cancel).ConfigureAwait(false);
        }
    }

    private async Task VisitAsync(long run, FrontierItem item, Source source, RobotsPolicy robots, CrawlRequest request, CancellationToken cancel)
    {
        // Listings, sitemaps and feeds are always re-read; articles are asked for only if changed.
        var stored = item.Kind == PageKind.Article ? store.Stored(item.Url) : null;
        var validators = stored is null ? Validators.None : new Validators(stored.ETag, stored.LastModified);
        var result = await fetcher.FetchAsync(item.Url, validators, (next, token) => MayFollowAsync(run, next, source, token), cancel).ConfigureAwait(false);
        Interlocked.Add(ref _requests, result.Requests);
        if (result.Outcome == FetchOutcome.CircuitOpen && item.Tries < 3)
        {
            store.Requeue(item);
            return;
        }

        if (!result.Succeeded)
        {
            _failed.AddOrUpdate(result.Outcome.ToString(), 1, (_, n) => n + 1);
            Record(run, item, result, "failed", Entry(item, result), null, []);
            return;
        }

        Interlocked.Increment(ref _fetched);
        if (result.Outcome == FetchOutcome.NotModified)
        {
            Interlocked.Increment(ref _unchanged);
            Record(run, item, result, "done", Entry(item, result) with { Change = "unchanged" }, Page(item, result, stored!.Hash, changed: false), []);
            return;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(result.Body));
        var discovered = new List<FrontierItem>();
        var kind = item.Kind;
        string? change = null;
        switch (item.Kind)
        {
            case PageKind.Sitemap:
                var sitemap = SitemapReader.Read(result.Body, settings.MaxBodyBytes);
                discovered.AddRange(sitemap.Sitemaps.Select(UrlCanonicalizer.Canonical).OfType<Uri>().Where(u => OnSite(u, source))
                    .Select(u => new FrontierItem(u, source.Name, PageKind.Sitemap, item.Depth + 1)));
                discovered.AddRange(Announced(sitemap.Pages, source, item, request, sitemapPage: true));
                result = result with { Detail = sitemap.Error };
                break;
            case PageKind.Feed:
                var feed = FeedReader.Read(result.Body);
                discovered.AddRange(Announced(feed.Items, source, item, request, sitemapPage: false));
                result = result with { Detail = feed.Error };
                break;
            case PageKind.Listing:
                discovered.AddRange(Links(reader.Decode(result.Body, result.ContentType), result.FinalUrl, source, item, ref result));
                break;
            case PageKind.Article:
                var html = reader.Decode(result.Body, result.ContentType);
                var verdict = reader.Judge(html, result.FinalUrl, source);
                if (verdict.IsListing)
                {
                    // Linked like an article but lists others: follow it, keep it as a listing.
                    kind = PageKind.Listing;
                    discovered.AddRange(Links(html, result.FinalUrl, source, item, ref result));
                }
                else if (request.Since is { } since && verdict.Published is { } published && published < since)
                {
                    Interlocked.Increment(ref _beforeSince);
                    Record(run, item, result, "done", Entry(item, result) with { Change = "before-since" }, null, []);
                    return;
                }

                change = stored is null ? "new" : stored.Hash == hash ? "unchanged" : "changed";
                if (change == "new")
                {
                    Interlocked.Increment(ref _new);
                }
                else if (change == "changed")
                {
                    Interlocked.Increment(ref _changed);
                }
                else
                {
                    Interlocked.Increment(ref _unchanged);
                }

                break;
        }

        var write = Page(item, result, hash, changed: stored is null || stored.Hash != hash) with { Kind = kind };
        Record(run, item, result, "done", Entry(item, result) with { Change = change }, write, discovered);
    }

    private IEnumerable<FrontierItem> Announced(IEnumerable<Announced> announced, Source source, FrontierItem from, CrawlRequest request, bool sitemapPage)
    {
        foreach (var entry in announced)
        {
            if (UrlCanonicalizer.Canonical(entry.Url) is not { } url || !OnSite(url, source))
            {
                continue;
            }

            if (request.Since is { } since && entry.Date is { } date && DateOnly.FromDateTime(date.UtcDateTime) < since)
            {
                Interlocked.Increment(ref _beforeSince);
                continue;
            }

            // A sitemap lists every page; one that is neither an article nor a listing by the patterns is read as an article.
            var kind = sitemapPage && !source.ArticlePattern.IsMatch(url.PathAndQuery) && source.ListingPattern.IsMatch(url.PathAndQuery)
                ? PageKind.Listing
                : PageKind.Article;
            if (kind == PageKind.Listing && from.Depth + 1 > MaxDepth(source))
            {
                _chains.Count(ListingChains.DepthLimit);
                continue;
            }

            yield return new FrontierItem(url, source.Name, kind, from.Depth + 1, entry.Date);
        }
    }

    /// <summary>The links a listing leads on to; why it was not followed further, if it was not, goes into the result's log detail.</summary>
    private List<FrontierItem> Links(string html, Uri page, Source source, FrontierItem from, ref FetchResult result)
    {
        var links = _chains.Follow(from.Url, LinkExtractor.Read(html, page, source), from.Depth, MaxDepth(source));
        if (links.Note is { } note)
        {
            result = result with { Detail = result.Detail is null ? note : $"{result.Detail}; {note}" };
        }

        var next = from.Depth + 1;
        return links.Articles.Select(u => new FrontierItem(u, source.Name, PageKind.Article, next))
            .Concat(links.Listings.Select(u => new FrontierItem(u, source.Name, PageKind.Listing, next)))
            .ToList();
    }

    private int MaxDepth(Source source) => source.MaxListingDepth ?? settings.MaxDepth;

    private async ValueTask<FetchOutcome?> MayFollowAsync(long run, Uri next, Source source, CancellationToken cancel)
    {
        if (!OnSite(next, source))
        {
            return FetchOutcome.RedirectOffSite;
        }

        var robots = await RobotsAsync(run, next.Authority, source, cancel).ConfigureAwait(false);
        return robots.IsAllowed(next.PathAndQuery) ? null : FetchOutcome.Disallowed;
    }

    private static bool OnSite(Uri url, Source source) => source.Hosts.Contains(url.Authority, StringComparer.OrdinalIgnoreCase);

    /// <summary>A host's robots.txt policy: from memory, else from the store while fresh, else fetched (through the host's gate).</summary>
    private async Task<RobotsPolicy> RobotsAsync(long run, string host, Source source, CancellationToken cancel)
    {
        if (_robots.TryGetValue(host, out var known))
        {
            return known;
        }

        var now = _clock.GetUtcNow();
        RobotsPolicy policy;
        if (store.Robots(host) is { } cached && now - cached.FetchedAt < (cached.Status is >= 500 or 0 ? settings.RobotsRetryAfterFailure : settings.RobotsCacheTime))
        {
            policy = cached.Status == 200 ? RobotsPolicy.Parse(cached.Body ?? "", settings.ProductToken) : RobotsPolicy.ForStatus(cached.Status is 0 ? 503 : cached.Status);
        }
        else
        {
            // robots.txt belongs to an origin: scheme, host and port (RFC 9309 §2.3).
            var url = new Uri($"{source.BaseUrl.Scheme}://{host}/robots.txt");
            var result = await fetcher.FetchAsync(url, Validators.None, (next, _) => ValueTask.FromResult(OnSite(next, source) ? null : (FetchOutcome?)FetchOutcome.RedirectOffSite), cancel).ConfigureAwait(false);
            Interlocked.Add(ref _requests, result.Requests);
            string? body = null;
            int status;
            if (result.Outcome == FetchOutcome.Ok)
            {
                body = reader.Decode(result.Body, result.ContentType);
                status = 200;
                policy = RobotsPolicy.Parse(body, settings.ProductToken);
            }
            else
            {
                // 4xx: no rules, everything allowed; 5xx, timeouts, resets: assume everything is disallowed for a while.
                status = result.Status is >= 400 and < 500 ? result.Status : 503;
                policy = RobotsPolicy.ForStatus(status);
            }

            store.SaveRobots(host, now, status, body);
            store.Log(run, new FetchLogEntry(url, source.Name, PageKind.Robots, now, result.Elapsed, result.Requests, result.Status, result.Outcome.ToString(), null, result.Body.Length, result.Detail));
            if (result.Outcome == FetchOutcome.Ok)
            {
                var sitemaps = policy.Sitemaps.Select(UrlCanonicalizer.Parse).OfType<Uri>().Where(u => OnSite(u, source))
                    .Select(u => new FrontierItem(u, source.Name, PageKind.Sitemap, 0));
                store.Enqueue(sitemaps);
            }
        }

        if (policy.CrawlDelay is { } crawlDelay)
        {
            fetcher.Gate(host).ObeyCrawlDelay(crawlDelay);
        }

        return _robots.GetOrAdd(host, policy);
    }

    private void Record(long run, FrontierItem item, FetchResult? result, string state, FetchLogEntry entry, PageWrite? page, IReadOnlyList<FrontierItem> discovered)
    {
        store.Complete(run, item, state, entry, page, discovered, result?.Hops);
        var done = Interlocked.Increment(ref _done);
        observer?.Finished(entry, done, discovered.Count);
    }

    private FetchLogEntry Entry(FrontierItem item, FetchResult result) =>
        new(item.Url, item.Site, item.Kind, _clock.GetUtcNow(), result.Elapsed, result.Requests, result.Status, result.Outcome.ToString(), null, result.Body.Length, result.Detail);

    private FetchLogEntry Entry(FrontierItem item, string outcome, int status, int requests, string detail) =>
        new(item.Url, item.Site, item.Kind, _clock.GetUtcNow(), TimeSpan.Zero, requests, status, outcome, null, 0, detail);

    private PageWrite Page(FrontierItem item, FetchResult result, string hash, bool changed) =>
        new(item.Url, item.Site, item.Kind, result.FinalUrl, result.Status, result.ContentType, result.ETag, result.LastModified, hash, _clock.GetUtcNow(), changed, result.Headers, result.Body);

    private static PageKind Kind(StartKind kind) => kind switch
    {
        StartKind.Sitemap => PageKind.Sitemap,
        StartKind.Feed => PageKind.Feed,
        _ => PageKind.Listing,
    };
}
