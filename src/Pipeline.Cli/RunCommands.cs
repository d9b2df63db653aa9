using System.Text.Json;
using Pipeline.Application;
using Pipeline.Core;
using Spectre.Console;

namespace Pipeline.Cli;

/// <summary>What `pipeline run` and `pipeline reprocess` were asked to do.</summary>
public sealed record RunOptions(string? Sources, string Database, string Index, bool Quiet, bool Json, bool Verbose = false)
{
    public RunPlaces Places => new(Database, Index);
}

/// <summary>
/// `pipeline run` and `pipeline reprocess`: options in, <see cref="Runs"/> called, its events shown as
/// progress bars on a terminal, its summary and the headline figures written out.
/// </summary>
public static class RunCommands
{
    public static async Task<int> Run(RunOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancel) =>
        await Usage.HandleAsync(stderr, async () =>
        {
            var settings = PipelineConfig.Current.CrawlSettings();
            var registry = options.Sources is null ? null : Registries.Load(options.Sources);
            var summary = await WithProgress(options, stdout, progress => registry is null
                ? Runs.RunBundledAsync("", settings, options.Places, progress, cancel)
                : Runs.RunAsync(registry, settings, null, options.Places, progress, cancel)).ConfigureAwait(false);
            Report(summary, options, stdout);
            return 0;
        }).ConfigureAwait(false);

    public static int Reprocess(RunOptions options, bool all, TextWriter stdout, TextWriter stderr, CancellationToken cancel) =>
        Usage.Handle(stderr, () =>
        {
            var registry = options.Sources is null ? null : Registries.Load(options.Sources);
            Report(Runs.Reprocess(options.Places, registry, all, null, cancel), options, stdout);
            return 0;
        });

    private static async Task<RunSummary> WithProgress(RunOptions options, TextWriter stdout, Func<IProgress<RunEvent>, Task<RunSummary>> run)
    {
        if (options.Quiet || options.Json || Console.IsOutputRedirected)
        {
            return await run(new LineProgress(options.Quiet || options.Json ? TextWriter.Null : stdout)).ConfigureAwait(false);
        }

        // On a terminal: one bar per stage, so a long first run shows where it is.
        return await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(context => run(new BarProgress(context, stdout))).ConfigureAwait(false);
    }

    /// <summary>Without a terminal: only the line saying which sites are served.</summary>
    private sealed class LineProgress(TextWriter stdout) : IProgress<RunEvent>
    {
        public void Report(RunEvent value)
        {
            if (value is BundledSitesServed served)
            {
                stdout.WriteLine(Served(served));
            }
        }
    }

    /// <summary>On a terminal: a bar per stage; the crawl bar counts finished URLs against every URL known so far.</summary>
    private sealed class BarProgress(ProgressContext context, TextWriter stdout) : IProgress<RunEvent>
    {
        private readonly Lock _lock = new();
        private readonly Dictionary<RunStage, ProgressTask> _bars = [];

        public void Report(RunEvent value)
        {
            lock (_lock)
            {
                switch (value)
                {
                    case BundledSitesServed served:
                        stdout.WriteLine(Served(served));
                        break;
                    case StageStarted { Stage: RunStage.Crawl } started:
                        _bars[RunStage.Crawl] = context.AddTask("crawl", maxValue: Math.Max(1, started.Expected));
                        break;
                    case StageStarted started:
                        _bars[started.Stage] = context.AddTask(started.Stage.ToString().ToLowerInvariant()).IsIndeterminate();
                        break;
                    case PageCrawled crawled when _bars.TryGetValue(RunStage.Crawl, out var bar):
                        bar.MaxValue = Math.Max(bar.MaxValue + crawled.Queued, crawled.Done);
                        bar.Value = crawled.Done;
                        break;
                    case DocumentsRead read when _bars.TryGetValue(RunStage.Process, out var bar):
                        bar.Description($"process: {read.Count} documents");
                        break;
                    case StageFinished finished when _bars.TryGetValue(finished.Stage, out var bar):
                        bar.IsIndeterminate(false).Value(bar.MaxValue);
                        break;
                }
            }
        }
    }

    private static string Served(BundledSitesServed served) =>
        $"serving {served.Sites} bundled board sites ({served.Articles} articles) on 127.0.0.1:{served.Port}; no other address is contacted";

    private static void Report(RunSummary summary, RunOptions options, TextWriter stdout)
    {
        if (options.Json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(summary, WireJson.SummaryIndented));
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

        WriteHeadlines(Headlines.Latest(options.Database), stdout);
        stdout.WriteLine();
        stdout.WriteLine($"To browse them: pipeline serve{(options.Database == CrawlCommands.DefaultDatabase ? "" : $" --db {options.Database}")}{(options.Index == SearchCommands.DefaultIndex ? "" : $" --index {options.Index}")}, then open {Pipeline.Web.WebOptions.DefaultUrls}");
    }

    private static void WriteHeadlines(IReadOnlyList<Headline> latest, TextWriter stdout)
    {
        if (latest.Count == 0)
        {
            return;
        }

        stdout.WriteLine();
        stdout.WriteLine("Headline figures of the latest reports");
        foreach (var document in latest)
        {
            stdout.WriteLine($"{document.Published ?? "????-??-??"}  {document.Province ?? "?"}  {Shorten(document.Title, 90)}");
            foreach (var figure in document.Figures)
            {
                stdout.WriteLine($"    {FigureJson.Name(figure.Metric),-22} {VietnameseFormat.Value(figure),-28} {figure.Period ?? ""}");
            }
        }
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
