using System.Globalization;
using System.Text.Json;
using Pipeline.Application;
using Pipeline.Core;
using Pipeline.Crawling;
using Pipeline.Crawling.Fetching;
using Pipeline.Crawling.Registry;
using Spectre.Console;

namespace Pipeline.Cli;

/// <summary>What `pipeline crawl` was asked to do.</summary>
public sealed record CrawlOptions(string Sources, IReadOnlyList<string> Sites, int? MaxPages, string? Since, string Database, double? Delay, string? Contact, bool Quiet, bool Json, bool Verbose = false);

/// <summary>`pipeline crawl`: the registry's boards fetched into the crawl store, with live progress and a closing summary.</summary>
public static class CrawlCommands
{
    public static string DefaultSources => PipelineConfig.Current.Sources;

    public static string DefaultDatabase => PipelineConfig.Current.Db;

    /// <summary>Exit codes: 0 the crawl ran (pages may have failed; the summary says which); 2 bad usage or registry.</summary>
    public static Task<int> Crawl(CrawlOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancel) =>
        Usage.HandleAsync(stderr, () => CrawlAsync(options, stdout, stderr, cancel));

    private static async Task<int> CrawlAsync(CrawlOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        if (CrawlSettings.Validate(options.MaxPages, options.Delay) is { Count: > 0 } problems)
        {
            problems.ToList().ForEach(p => stderr.WriteLine($"pipeline: {p}"));
            return 2;
        }

        var registry = Registries.Load(options.Sources);

        var sources = new List<Source>();
        foreach (var name in options.Sites)
        {
            if (registry.Named(name) is { } source)
            {
                sources.Add(source);
            }
            else
            {
                stderr.WriteLine($"pipeline: no source named \"{name}\" in {options.Sources} (known: {string.Join(", ", registry.Sources.Select(s => s.Name))})");
                return 2;
            }
        }

        if (sources.Count == 0)
        {
            sources.AddRange(registry.Sources);
        }

        DateOnly? since = null;
        if (options.Since is { } text)
        {
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                stderr.WriteLine($"pipeline: --since wants a date as yyyy-MM-dd, not \"{text}\"");
                return 2;
            }

            since = date;
        }

        var settings = Settings(options);
        var request = new CrawlRequest(sources, options.MaxPages, since);
        CrawlSummary summary;
        if (options.Quiet || options.Json || options.Verbose || Console.IsOutputRedirected)
        {
            var progress = options.Verbose ? new LineProgress(stderr) : null;
            summary = await Crawls.CrawlAsync(request, settings, options.Database, null, progress, cancel).ConfigureAwait(false);
        }
        else
        {
            summary = await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(context =>
                {
                    var task = context.AddTask($"crawling {sources.Count} source(s)", maxValue: Math.Max(1, sources.Sum(s => s.Start.Count)));
                    return Crawls.CrawlAsync(request, settings, options.Database, null, new BarProgress(task), cancel);
                }).ConfigureAwait(false);
        }

        if (options.Json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(summary, WireJson.Summary));
        }
        else if (!options.Quiet)
        {
            WriteSummary(summary, options.Database, stdout);
        }

        return 0;
    }

    private static CrawlSettings Settings(CrawlOptions options)
    {
        var settings = PipelineConfig.Current.CrawlSettings();
        if (options.Delay is { } seconds && seconds >= 0)
        {
            settings = settings with { Delay = TimeSpan.FromSeconds(seconds) };
        }

        return options.Contact is { Length: > 0 } contact ? settings with { ContactUrl = contact } : settings;
    }

    private static void WriteSummary(CrawlSummary summary, string database, TextWriter stdout)
    {
        stdout.WriteLine($"{(summary.Resumed ? "resumed" : "crawled")} run {summary.Run} in {summary.Elapsed.TotalSeconds:F1} s, {summary.Requests} requests; stored in {database}");
        stdout.WriteLine($"  fetched            {summary.Fetched}");
        stdout.WriteLine($"  new                {summary.New}");
        stdout.WriteLine($"  changed            {summary.Changed}");
        stdout.WriteLine($"  unchanged          {summary.Unchanged}");
        stdout.WriteLine($"  blocked by robots  {summary.BlockedByRobots}");
        if (summary.BeforeSince > 0)
        {
            stdout.WriteLine($"  before --since     {summary.BeforeSince}");
        }

        stdout.WriteLine($"  failed             {summary.Failed.Values.Sum()}");
        foreach (var (reason, count) in summary.Failed)
        {
            stdout.WriteLine($"    {reason,-17}{count}");
        }

        foreach (var (reason, count) in summary.Stopped)
        {
            stdout.WriteLine($"  {reason,-47}{count}");
        }

        if (summary.PageLimitReached)
        {
            stdout.WriteLine("  stopped at --max-pages; the next crawl starts afresh from the listings");
        }
    }

    /// <summary>--verbose: one line per URL as it is finished, on standard error.</summary>
    private sealed class LineProgress(TextWriter writer) : IProgress<RunEvent>
    {
        public void Report(RunEvent value)
        {
            if (value is not PageCrawled { Entry: var entry, Done: var done })
            {
                return;
            }

            lock (writer)
            {
                writer.WriteLine($"{done,6} {entry.Outcome,-16} {entry.Status,3} {entry.Change ?? "",-10} {entry.Url}{(entry.Detail is null ? "" : "  (" + entry.Detail + ")")}");
            }
        }
    }

    /// <summary>Moves the bar: done pages against every URL known so far.</summary>
    private sealed class BarProgress(ProgressTask task) : IProgress<RunEvent>
    {
        private readonly Lock _lock = new();
        private double _known = task.MaxValue;

        public void Report(RunEvent value)
        {
            if (value is not PageCrawled { Entry: var entry, Done: var done, Queued: var queued })
            {
                return;
            }

            lock (_lock)
            {
                _known = Math.Max(_known + queued, done);
                task.MaxValue = _known;
                task.Value = done;
                task.Description = $"{entry.Site}: {entry.Outcome} {Markup.Escape(entry.Url.PathAndQuery.Length > 50 ? entry.Url.PathAndQuery[..50] + "…" : entry.Url.PathAndQuery)}";
            }
        }
    }
}
