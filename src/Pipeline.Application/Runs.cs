using System.Text.Json;
using Pipeline.Crawling;
using Pipeline.Crawling.Fetching;
using Pipeline.Crawling.Registry;
using Pipeline.Crawling.State;
using Pipeline.Extraction.Html;
using Pipeline.Processing;
using Pipeline.Search;
using Pipeline.Sites;
using Pipeline.Storage;

namespace Pipeline.Application;

/// <summary>Facts after a run: distinct facts, those with several sources, those whose sources disagree.</summary>
public sealed record FactSummary(int Facts, int MultiSource, int Conflicts);

/// <summary>Everything one run did, stage by stage.</summary>
public sealed record RunSummary(CrawlSummary? Crawl, ProcessSummary Process, IndexSummary Index, int Documents, int Figures, FactSummary Facts)
{
    /// <summary>True when the run found nothing to do: no page new or changed, nothing re-read or re-indexed.</summary>
    public bool NothingChanged => (Crawl is null || Crawl.New + Crawl.Changed == 0) && Process.Documents == 0 && Index.Indexed == 0;
}

/// <summary>The stages of a run, in order.</summary>
public enum RunStage
{
    Crawl,
    Process,
    Index,
}

/// <summary>Something a run reports while it works; a front end renders it (progress bars, a log, server-sent events).</summary>
public abstract record RunEvent;

/// <summary>The bundled sites are served and about to be crawled.</summary>
public sealed record BundledSitesServed(int Sites, int Articles, int Port) : RunEvent;

/// <summary>A stage began; <paramref name="Expected"/> is how much work it knows of so far (0 when it cannot tell).</summary>
public sealed record StageStarted(RunStage Stage, int Expected) : RunEvent;

/// <summary>The crawl finished a URL: done so far, and how many new URLs it revealed.</summary>
public sealed record PageCrawled(FetchLogEntry Entry, int Done, int Queued) : RunEvent;

/// <summary>The process stage has saved this many documents so far.</summary>
public sealed record DocumentsRead(int Count) : RunEvent;

/// <summary>A stage ended.</summary>
public sealed record StageFinished(RunStage Stage) : RunEvent;

/// <summary>Where a run keeps its results: the store (crawl state, pages, documents, figures, facts) and the search index.</summary>
public sealed record RunPlaces(string Database, string Index);

/// <summary>
/// `run` and `reprocess`: crawl → read → store → index → link facts, each stage doing only what
/// changed; or, for a reprocess, every stage after the crawl again from the stored pages.
/// </summary>
public static class Runs
{
    /// <summary>The bundled sites of the repository at <paramref name="root"/> (corpus/sites): served on 127.0.0.1 and run through every stage.</summary>
    /// <param name="root">The folder holding corpus/sites (empty for the current folder).</param>
    /// <param name="settings">The crawl settings; the delay is set to zero for the local sites.</param>
    /// <param name="places">The store and index.</param>
    /// <param name="progress">Receives the run's events.</param>
    /// <param name="cancel">Stops the run between pages and batches.</param>
    public static async Task<RunSummary> RunBundledAsync(string root, CrawlSettings settings, RunPlaces places, IProgress<RunEvent>? progress, CancellationToken cancel)
    {
        var articles = Path.Combine(root, "corpus", "sites", "articles");
        var sources = Path.Combine(root, "corpus", "sites", "sources.json");
        if (!Directory.Exists(articles) || !File.Exists(sources))
        {
            throw new UsageException($"the bundled sites ({articles}, {sources}) are not here; run from the repository's root, or give --sources FILE");
        }

        var registry = Registries.Load(sources);
        await using var server = await BundledSites.StartAsync(articles, BundledBoards(registry)).ConfigureAwait(false);
        progress?.Report(new BundledSitesServed(server.Sites.Count, server.Sites.Sum(s => s.Articles.Count), server.Port));

        // Local sites: no delay between requests (robots.txt and the registry can still ask for one).
        using var handler = BundledSites.CreateHandler(server.Port, PageFetcher.CreateHandler());
        return await RunAsync(registry, settings with { Delay = TimeSpan.Zero }, handler, places, progress, cancel).ConfigureAwait(false);
    }

    /// <summary>The registry's boards as the bundled sites render them.</summary>
    public static IReadOnlyList<Board> BundledBoards(SourceRegistry registry) =>
        registry.Sources.Select(s => new Board(s.Name, s.Title, s.Province, s.Platform, s.BaseUrl.Host)).ToList();

    /// <summary>Every stage against <paramref name="registry"/>; <paramref name="handler"/> (optional) answers the crawler's requests.</summary>
    public static async Task<RunSummary> RunAsync(SourceRegistry registry, CrawlSettings settings, HttpMessageHandler? handler, RunPlaces places, IProgress<RunEvent>? progress, CancellationToken cancel)
    {
        progress?.Report(new StageStarted(RunStage.Crawl, registry.Sources.Sum(s => s.Start.Count)));
        var crawl = await Crawls.CrawlAsync(new CrawlRequest(registry.Sources), settings, places.Database, handler, progress, cancel).ConfigureAwait(false);
        progress?.Report(new StageFinished(RunStage.Crawl));
        return ReadAndIndex(crawl, registry: null, places, all: false, progress, cancel);
    }

    /// <summary>
    /// Reads the stored pages again (those the current extractor has not read, or with <paramref name="all"/> every one) and
    /// re-indexes them; nothing is fetched. Each page is read with its source's facts as the crawl stored them;
    /// a <paramref name="registry"/> given replaces the stored facts of the sources it names, as a crawl with it would.
    /// </summary>
    public static RunSummary Reprocess(RunPlaces places, SourceRegistry? registry, bool all, IProgress<RunEvent>? progress, CancellationToken cancel)
    {
        Stores.Require(places.Database, "`pipeline run` or `pipeline crawl`");
        return ReadAndIndex(null, registry, places, all, progress, cancel);
    }

    private static RunSummary ReadAndIndex(CrawlSummary? crawl, SourceRegistry? registry, RunPlaces places, bool all, IProgress<RunEvent>? progress, CancellationToken cancel)
    {
        using var crawlStore = CrawlStore.Open(places.Database);
        using var documents = DocumentStore.Open(places.Database);
        if (registry is not null)
        {
            crawlStore.SaveSources(registry.Sources, DateTimeOffset.UtcNow);
        }

        SiteTemplate? Template(string site) => documents.Template(site) is { } json ? JsonSerializer.Deserialize<SiteTemplate>(json) : null;
        SourceFacts? Source(string site) => crawlStore.Source(site) is { } stored ? PageProcessor.Facts(stored) : null;
        progress?.Report(new StageStarted(RunStage.Process, 0));
        var process = new ProcessStage(crawlStore, documents, Source, Template).Run(DocumentReader.Version, all, n => progress?.Report(new DocumentsRead(n)), cancel);
        progress?.Report(new StageFinished(RunStage.Process));
        progress?.Report(new StageStarted(RunStage.Index, 0));
        using var index = SearchIndex.Open(places.Index, SearchLanguage.Vocabulary);
        var indexed = new IndexStage(documents, index).Run(cancel: cancel);
        progress?.Report(new StageFinished(RunStage.Index));
        var (facts, multi, conflicts) = documents.RebuildFacts();
        var (documentCount, figures) = documents.Counts();
        return new RunSummary(crawl, process, indexed, documentCount, figures, new FactSummary(facts, multi, conflicts));
    }
}
