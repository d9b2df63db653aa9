using System.Globalization;
using System.Text.Json;
using Pipeline.Core;
using Pipeline.Crawling;
using Pipeline.Crawling.Fetching;
using Pipeline.Crawling.Registry;
using Pipeline.Crawling.State;
using Pipeline.Extraction;
using Pipeline.Extraction.Html;
using Pipeline.Learning.Combining;
using Pipeline.Processing;
using Pipeline.Search;
using Pipeline.Storage;
using Spectre.Console;

namespace Pipeline.Cli;

/// <summary>What `pipeline run` and `pipeline reprocess` were asked to do.</summary>
public sealed record RunOptions(string? Sources, string Database, string Index, bool Quiet, bool Json, bool Verbose = false);

/// <summary>Facts after a run: distinct facts, those with several sources, those whose sources disagree.</summary>
public sealed record FactSummary(int Facts, int MultiSource, int Conflicts);

/// <summary>Everything one run did, stage by stage.</summary>
public sealed record RunSummary(CrawlSummary? Crawl, ProcessSummary Process, IndexSummary Index, int Documents, int Figures, FactSummary Facts)
{
    /// <summary>True when the run found nothing to do: no page new or changed, nothing re-read or re-indexed.</summary>
    public bool NothingChanged => (Crawl is null || Crawl.New + Crawl.Changed == 0) && Process.Documents == 0 && Index.Indexed == 0;
}

/// <summary>
/// `pipeline run`: crawl → process → index, each stage incremental, ending with a summary and the
/// headline figures; `pipeline reprocess`: process and index again from stored pages, no fetching.
/// </summary>
public static class RunCommands
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    public static async Task<int> Run(RunOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        if (options.Sources is null)
        {
            return await RunBundled(options, stdout, stderr, cancel).ConfigureAwait(false);
        }

        SourceRegistry registry;
        try
        {
            registry = SourceRegistry.Load(options.Sources);
        }
        catch (Exception e) when (e is RegistryException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"pipeline: {options.Sources}: {e.Message}");
            return 2;
        }

        var summary = await RunAsync(registry, PipelineConfig.Current.CrawlSettings(), null, options, cancel).ConfigureAwait(false);
        Report(summary, options, stdout);
        return 0;
    }

    /// <summary>The bundled sites (corpus/sites) served on 127.0.0.1 and run through every stage: the product, offline.</summary>
    public static async Task<int> RunBundled(RunOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        var articles = Path.Combine("corpus", "sites", "articles");
        var sources = Path.Combine("corpus", "sites", "sources.json");
        if (!Directory.Exists(articles) || !File.Exists(sources))
        {
            stderr.WriteLine($"pipeline: the bundled sites ({articles}, {sources}) are not here; run from the repository's root, or give --sources FILE");
            return 2;
        }

        await using var server = await Pipeline.Sites.BundledSites.StartAsync(articles, sources).ConfigureAwait(false);
        if (!options.Quiet && !options.Json)
        {
            stdout.WriteLine($"serving {server.Sites.Count} bundled board sites ({server.Sites.Sum(s => s.Articles.Count)} articles) on 127.0.0.1:{server.Port}; no other address is contacted");
        }

        // Local sites: no delay between requests (robots.txt and the registry can still ask for one).
        var settings = PipelineConfig.Current.CrawlSettings() with { Delay = TimeSpan.Zero };
        var summary = await RunAsync(server.Registry, settings, Pipeline.Sites.BundledSites.CreateHandler(server.Port), options, cancel).ConfigureAwait(false);
        Report(summary, options, stdout);
        return 0;
    }

    /// <summary>The three stages against <paramref name="registry"/>; <paramref name="handler"/> lets the bundled sites answer for their hosts.</summary>
    public static async Task<RunSummary> RunAsync(SourceRegistry registry, CrawlSettings settings, HttpMessageHandler? handler, RunOptions options, CancellationToken cancel)
    {
        if (options.Quiet || options.Json || Console.IsOutputRedirected)
        {
            return await StagesAsync(registry, settings, handler, options, null, cancel).ConfigureAwait(false);
        }

        // On a terminal: one bar per stage, so a long first run shows where it is.
        return await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(context => StagesAsync(registry, settings, handler, options, context, cancel)).ConfigureAwait(false);
    }

    private static async Task<RunSummary> StagesAsync(SourceRegistry registry, CrawlSettings settings, HttpMessageHandler? handler, RunOptions options, ProgressContext? progress, CancellationToken cancel)
    {
        var crawlBar = progress?.AddTask("crawl", maxValue: Math.Max(1, registry.Sources.Sum(s => s.Start.Count)));
        CrawlSummary crawl;
        using (var store = CrawlStore.Open(options.Database))
        using (var fetcher = new PageFetcher(settings, handler: handler))
        {
            var observer = crawlBar is null ? null : new BarObserver(crawlBar);
            crawl = await new Crawler(settings, store, fetcher, new PortalPageReader(), observer: observer).RunAsync(new CrawlRequest(registry.Sources), cancel).ConfigureAwait(false);
        }

        crawlBar?.Value(crawlBar.MaxValue);
        var (process, index, counts, facts) = ProcessAndIndex(registry, options, all: false, cancel, progress);
        return new RunSummary(crawl, process, index, counts.Documents, counts.Figures, facts);
    }

    /// <summary>The crawl bar: finished URLs against every URL known so far.</summary>
    private sealed class BarObserver(ProgressTask bar) : ICrawlObserver
    {
        private readonly Lock _lock = new();

        public void Finished(FetchLogEntry entry, int done, int queued)
        {
            lock (_lock)
            {
                bar.MaxValue = Math.Max(bar.MaxValue + queued, done);
                bar.Value = done;
            }
        }
    }

    public static int Reprocess(RunOptions options, bool all, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        if (!File.Exists(options.Database))
        {
            stderr.WriteLine($"pipeline: {options.Database}: no such database; run `pipeline run` or `pipeline crawl` first");
            return 2;
        }

        SourceRegistry? registry = null;
        if (options.Sources is not null)
        {
            try
            {
                registry = SourceRegistry.Load(options.Sources);
            }
            catch (Exception e) when (e is RegistryException or IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"pipeline: {options.Sources}: {e.Message}");
                return 2;
            }
        }

        var (process, index, counts, facts) = ProcessAndIndex(registry, options, all, cancel);
        Report(new RunSummary(null, process, index, counts.Documents, counts.Figures, facts), options, stdout);
        return 0;
    }

    private static (ProcessSummary, IndexSummary, (int Documents, int Figures), FactSummary) ProcessAndIndex(SourceRegistry? registry, RunOptions options, bool all, CancellationToken cancel, ProgressContext? progress = null)
    {
        using var crawlStore = CrawlStore.Open(options.Database);
        using var documents = DocumentStore.Open(options.Database);
        SiteTemplate? Template(string site) => crawlStore.Template(site) is { } json ? JsonSerializer.Deserialize<SiteTemplate>(json) : null;
        var processBar = progress?.AddTask("process").IsIndeterminate();
        var process = new ProcessStage(documents, registry, Template).Run(LearnedExtractor.Version, all, n => processBar?.Description($"process: {n} documents"), cancel);
        processBar?.IsIndeterminate(false).Value(processBar.MaxValue);
        var indexBar = progress?.AddTask("index").IsIndeterminate();
        using var index = SearchIndex.Open(options.Index);
        var indexed = new IndexStage(documents, index).Run(cancel: cancel);
        indexBar?.IsIndeterminate(false).Value(indexBar.MaxValue);
        var (facts, multi, conflicts) = documents.RebuildFacts();
        return (process, indexed, documents.Counts(), new FactSummary(facts, multi, conflicts));
    }

    private static void Report(RunSummary summary, RunOptions options, TextWriter stdout)
    {
        if (options.Json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(summary, Json));
            return;
        }

        if (options.Quiet)
        {
            return;
        }

        if (summary.Crawl is { } crawl)
        {
            stdout.WriteLine($"crawl    {crawl.Fetched} pages fetched in {crawl.Elapsed.TotalSeconds:F1} s: {crawl.New} new, {crawl.Changed} changed, {crawl.Unchanged} unchanged, {crawl.BlockedByRobots} blocked by robots, {crawl.Failed.Values.Sum()} failed"
                + (crawl.Failed.Count > 0 ? " (" + string.Join(", ", crawl.Failed.Select(f => $"{f.Key} {f.Value}")) + ")" : ""));
        }

        var p = summary.Process;
        stdout.WriteLine($"process  {p.Documents} documents read ({p.Figures} figures) in {p.Elapsed.TotalSeconds:F1} s" + (p.Failed > 0 ? $", {p.Failed} pages could not be read:" : ""));
        foreach (var error in p.Errors.Take(options.Verbose ? int.MaxValue : 10))
        {
            stdout.WriteLine("           " + error);
        }

        stdout.WriteLine($"index    {summary.Index.Indexed} documents indexed in {summary.Index.Elapsed.TotalSeconds:F1} s; {options.Index}");
        stdout.WriteLine($"store    {summary.Documents} documents, {summary.Figures} figures in {options.Database}");
        stdout.WriteLine($"facts    {summary.Facts.Facts} facts, {summary.Facts.MultiSource} reported by several documents, {summary.Facts.Conflicts} with conflicting values (`pipeline stats` lists them)");
        if (summary.NothingChanged)
        {
            stdout.WriteLine("nothing changed since the last run: no page new or changed, nothing re-read or re-indexed.");
        }

        WriteHeadlines(options, stdout);
    }

    /// <summary>
    /// The latest reports' headline figures: per document, its most confident level figure of each main metric.
    /// A page the classifier calls something else (a job fair's photo page, a project's ground-breaking) is not a report.
    /// </summary>
    private static void WriteHeadlines(RunOptions options, TextWriter stdout)
    {
        using var documents = DocumentStore.Open(options.Database);
        var latest = documents.Documents().Where(d => d.Figures.Count > 0 && d.PageType is null or "report")
            .OrderByDescending(d => d.Published).Take(8).ToList();
        if (latest.Count == 0)
        {
            return;
        }

        stdout.WriteLine();
        stdout.WriteLine("Headline figures of the latest reports");
        foreach (var document in latest)
        {
            stdout.WriteLine($"{document.Published ?? "????-??-??"}  {document.Province ?? "?"}  {Shorten(document.Title ?? document.Url, 90)}");
            var headlines = document.Figures.Where(f => f.Measure == Measure.Level && !f.Target && f.Metric != Metric.Other)
                .GroupBy(f => f.Metric).Select(g => g.OrderByDescending(f => f.Confidence).First()).Take(4);
            foreach (var figure in headlines)
            {
                stdout.WriteLine($"    {Names.Of(figure.Metric),-22} {VietnameseFormat.Value(figure),-28} {figure.Period ?? ""}");
            }
        }
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
