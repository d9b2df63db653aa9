using System.CommandLine;
using Pipeline.Application;
using Pipeline.Cli;
using Pipeline.Decoding;
using Pipeline.Extraction;
using Pipeline.Extraction.Numbers;

// Exit codes: 0 success; 1 some inputs could not be read (the rest were processed); 2 bad usage.
try
{
    PipelineConfig.Load(args);
}
catch (InvalidOperationException e)
{
    Console.Error.WriteLine($"pipeline: configuration: {e.Message}");
    return 2;
}

var root = new RootCommand("Pipeline: figures from Vietnamese industrial-zone and economic-zone bulletins.");

// A mistyped option ("--provnce") would otherwise be taken as a path or as words to search for;
// after "--" every word is a value ("pipeline search -- -FDI von" excludes FDI).
var afterDoubleDash = args.SkipWhile(a => a != "--").Skip(1).ToHashSet();
void RefuseOptionLikeValues(Argument argument) => argument.Validators.Add(result =>
{
    foreach (var token in result.Tokens.Where(t => t.Value.Length > 1 && t.Value[0] == '-' && char.IsLetter(t.Value.TrimStart('-').FirstOrDefault()) && !afterDoubleDash.Contains(t.Value)))
    {
        result.AddError($"Unrecognized option '{token.Value}'.");
    }
});

var paths = new Argument<string[]>("paths") { Description = "Text or HTML files, or - for standard input.", Arity = ArgumentArity.OneOrMore };
var format = new Option<ExtractFormat>("--format", "-f") { Description = "table (default), json, jsonl, csv or text (the clean text offsets point into; for a page, its article: title, date, body).", DefaultValueFactory = _ => ExtractFormat.Table };
// Inputs are read on every core by default; the output is in input order and the same bytes as with -j 1.
var parallel = new Option<int>("--parallel", "-j") { Description = "How many inputs to read at once (default: one per processor); the output is the same, in input order.", DefaultValueFactory = _ => Environment.ProcessorCount };
parallel.Validators.Add(result =>
{
    // A value that is not a number is already reported by the parser; reading it here would throw.
    if (result.Tokens.Count > 0 && int.TryParse(result.Tokens[^1].Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) && n < 1)
    {
        result.AddError("--parallel must be 1 or more.");
    }
});
var extract = new Command("extract", "Extract every figure, with what it measures, from bulletins.") { paths, format, parallel };
extract.SetAction(parse => Commands.Extract(parse.GetValue(paths)!, parse.GetValue(format), Console.In, Console.Out, Console.Error, parse.GetValue(parallel),
    Console.IsErrorRedirected ? null : new LargeInputProgress(Console.Error))); // a large input's steps, on a terminal only
root.Subcommands.Add(extract);

var input = new Argument<string>("input") { Description = "A text to read, or the path of a file." };
var numbersFormat = new Option<string>("--format", "-f") { Description = "table (default) or jsonl.", DefaultValueFactory = _ => "table" };
numbersFormat.AcceptOnlyFromAmong("table", "jsonl");
var all = new Option<bool>("--all") { Description = "Also list the numbers set aside as non-figures, with why." };
var numbers = new Command("numbers", "Show the numbers layer: every number with value, unit, bound and span.") { input, numbersFormat, all };
numbers.SetAction(parse => Commands.Numbers(parse.GetValue(input)!, parse.GetValue(numbersFormat) == "table", parse.GetValue(all), Console.Out, Console.Error));
root.Subcommands.Add(numbers);

var indexPaths = new Argument<string[]>("paths") { Description = "Text or HTML files to extract and index (or none, with --from-store).", Arity = ArgumentArity.ZeroOrMore };
var fromStore = new Option<bool>("--from-store") { Description = "Index every document of the store (--db) instead of files." };
var indexDb = new Option<string>("--db") { Description = "The store to index from (default: $PIPELINE_DB or data/pipeline.db).", DefaultValueFactory = _ => CrawlCommands.DefaultDatabase };
var indexDir = new Option<string>("--index") { Description = "The index folder (default: $PIPELINE_INDEX or data/index).", DefaultValueFactory = _ => SearchCommands.DefaultIndex };
var indexWait = new Option<double>("--wait") { Description = "Seconds to wait while another process writes the index (default 0: say which process and stop).", DefaultValueFactory = _ => 0 };
var index = new Command("index", "Extract documents and add them, with their figures, to the search index; or index the store.") { indexPaths, indexDir, fromStore, indexDb, indexWait, parallel };
index.SetAction(parse => parse.GetValue(fromStore)
    ? SearchCommands.IndexStore(parse.GetValue(indexDb)!, parse.GetValue(indexDir)!, Console.Out, Console.Error, parse.GetValue(indexWait))
    : SearchCommands.Index(parse.GetValue(indexPaths)!, parse.GetValue(indexDir)!, Console.In, Console.Out, Console.Error, parse.GetValue(indexWait), parse.GetValue(parallel)));
root.Subcommands.Add(index);

var query = new Argument<string[]>("query") { Description = "Words to find, with or without diacritics, or typed in Telex; \"a phrase\", -word to leave out, A OR B (after --, words may begin with -). Leave out to list documents and figures matching the filters.", Arity = ArgumentArity.ZeroOrMore };
RefuseOptionLikeValues(query);
RefuseOptionLikeValues(indexPaths);
RefuseOptionLikeValues(paths);
var province = new Option<string?>("--province") { Description = "Only documents of this province, in any spelling or name (\"Bình Dương\", \"binh duong\", \"TP.HCM\", \"Huế\")." };
var from = new Option<int?>("--from") { Description = "Only documents published in or after this year." };
var to = new Option<int?>("--to") { Description = "Only documents published in or before this year." };
var metric = new Option<string?>("--metric") { Description = "Only documents reporting a figure of this metric (investment_capital, export_value, …)." };
var min = new Option<decimal?>("--min") { Description = "… whose value is at least this, in base units (500 million USD = 500000000)." };
var max = new Option<decimal?>("--max") { Description = "… whose value is at most this." };
var unit = new Option<string?>("--unit") { Description = "… in this unit (USD, VND, percent, worker, …)." };
var subject = new Option<string?>("--subject") { Description = "… about this zone, company or project, in any spelling (\"kcn que vo\" finds \"KCN Quế Võ\")." };
var pageType = new Option<string?>("--type") { Description = $"Only pages of this type, as the page classifier says: {string.Join(", ", Pipeline.Learning.Pages.PageTypes.All)} (report: a board's results for a period)." };
pageType.AcceptOnlyFromAmong([.. Pipeline.Learning.Pages.PageTypes.All]);
var limit = new Option<int>("--limit") { Description = "How many hits to show.", DefaultValueFactory = _ => 10 };
var searchFormat = new Option<string>("--format", "-f") { Description = "table (default), json or jsonl.", DefaultValueFactory = _ => "table" };
searchFormat.AcceptOnlyFromAmong("table", "json", "jsonl");
var search = new Command("search", "Search the indexed bulletins by words, province, year, page type and figure.") { query, indexDir, province, from, to, pageType, metric, min, max, unit, subject, limit, searchFormat };
search.SetAction(parse => SearchCommands.Search(
    new Pipeline.Search.SearchRequest
    {
        Text = parse.GetValue(query) is { Length: > 0 } words ? string.Join(' ', words) : null,
        Province = parse.GetValue(province),
        FromYear = parse.GetValue(from),
        ToYear = parse.GetValue(to),
        PageType = parse.GetValue(pageType),
        Metric = parse.GetValue(metric),
        Min = parse.GetValue(min),
        Max = parse.GetValue(max),
        Unit = parse.GetValue(unit),
        Subject = parse.GetValue(subject),
        Limit = parse.GetValue(limit),
    },
    parse.GetValue(indexDir)!, parse.GetValue(searchFormat)!, Console.Out, Console.Error));
root.Subcommands.Add(search);

var robotsFile = new Option<string>("--robots") { Description = "A saved robots.txt file.", Required = true };
var agent = new Option<string>("--agent") { Description = "The crawler's User-Agent (its product token decides the group).", DefaultValueFactory = _ => "PipelineBot" };
var urls = new Argument<string[]>("urls") { Description = "URLs or paths to check.", Arity = ArgumentArity.OneOrMore };
var check = new Command("check", "Print allowed<TAB>URL or disallowed<TAB>URL for each URL, as RFC 9309 reads the file.") { robotsFile, agent, urls };
check.SetAction(parse => Commands.RobotsCheck(parse.GetValue(robotsFile)!, parse.GetValue(agent)!, parse.GetValue(urls)!, Console.Out, Console.Error));
var robots = new Command("robots", "Debug a site's robots.txt.") { check };
root.Subcommands.Add(robots);

var sourcesFile = new Option<string>("--sources") { Description = "The board registry (default: $PIPELINE_SOURCES or corpus/sources.json).", DefaultValueFactory = _ => CrawlCommands.DefaultSources };
var site = new Option<string[]>("--site") { Description = "Crawl only this source (by name); repeat for several.", AllowMultipleArgumentsPerToken = false };
var maxPages = new Option<int?>("--max-pages") { Description = "Stop after this many pages." };
var since = new Option<string?>("--since") { Description = "Skip articles announced or published before this date (yyyy-MM-dd)." };
var database = new Option<string>("--db") { Description = "The crawl store (default: $PIPELINE_DB or data/pipeline.db).", DefaultValueFactory = _ => CrawlCommands.DefaultDatabase };
var delay = new Option<double?>("--delay") { Description = "Seconds between requests to one host (default 5, or crawl.delay_seconds in the configuration, or $PIPELINE_CRAWL_DELAY); a board's own delay_seconds replaces it, and robots.txt Crawl-delay is a floor." };
var contact = new Option<string?>("--contact") { Description = "A URL where site owners can reach you, sent in the User-Agent (or $PIPELINE_CONTACT_URL)." };
var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress display and no summary." };
var crawlJson = new Option<bool>("--json") { Description = "Print the summary as one JSON object (the same as --format json)." };
var summaryFormat = new Option<string>("--format", "-f") { Description = "text (default) or json: the summary for people or for machines.", DefaultValueFactory = _ => "text" };
summaryFormat.AcceptOnlyFromAmong("text", "json");
bool Json(ParseResult parse) => parse.GetValue(crawlJson) || parse.GetValue(summaryFormat) == "json";
var verbose = new Option<bool>("--verbose", "-v") { Description = "Say more: crawl and run print one line per URL fetched and every page that could not be read; any command shows the details of an internal error.", Recursive = true };
root.Options.Add(verbose);
var wait = new Option<double>("--wait") { Description = "If another process is writing the same store, wait up to this many seconds for it to finish (default 0: stop at once with exit code 6).", DefaultValueFactory = _ => 0 };
wait.Validators.Add(result =>
{
    if (result.GetValueOrDefault<double>() is < 0 or > 86_400 or double.NaN)
    {
        result.AddError($"--wait must be between 0 and 86400 seconds, not {result.Tokens.FirstOrDefault()?.Value}.");
    }
});

// Writers hold the store's lock for their whole run: a second writer waits (--wait) or stops with "another process is writing …".
IDisposable HoldStore(ParseResult parse, bool existingOnly = false)
{
    var (db, seconds) = (parse.GetValue(database)!, parse.GetValue(wait));
    return Pipeline.Application.Stores.HoldForWriting(db, TimeSpan.FromSeconds(seconds),
        holder => Console.Error.WriteLine($"pipeline: another process{(holder is { } pid ? $" (pid {pid})" : "")} is writing {db}; waiting up to {seconds:0.#} s"),
        existingOnly);
}
var crawl = new Command("crawl", "Fetch the boards' new and changed pages into the crawl store, politely.") { sourcesFile, site, maxPages, since, database, delay, contact, quiet, crawlJson, summaryFormat, wait };
crawl.SetAction(async (parse, cancel) =>
{
    using var held = HoldStore(parse);
    return await CrawlCommands.Crawl(
        new CrawlOptions(parse.GetValue(sourcesFile)!, parse.GetValue(site) ?? [], parse.GetValue(maxPages), parse.GetValue(since), parse.GetValue(database)!, parse.GetValue(delay), parse.GetValue(contact), parse.GetValue(quiet), Json(parse), parse.GetValue(verbose)),
        Console.Out, Console.Error, cancel);
});
root.Subcommands.Add(crawl);

var runSources = new Option<string?>("--sources") { Description = "A board registry to crawl; without it, the bundled sites in corpus/sites are served on 127.0.0.1 and crawled." };
var runIndex = new Option<string>("--index") { Description = "The index folder (default: $PIPELINE_INDEX or data/index).", DefaultValueFactory = _ => SearchCommands.DefaultIndex };
var run = new Command("run", "Crawl, extract, store and index, each stage doing only what changed; ends with a summary and the headline figures.") { runSources, database, runIndex, quiet, crawlJson, summaryFormat, wait };
run.SetAction(async (parse, cancel) =>
{
    using var held = HoldStore(parse);
    return await RunCommands.Run(
        new RunOptions(parse.GetValue(runSources), parse.GetValue(database)!, parse.GetValue(runIndex)!, parse.GetValue(quiet), Json(parse), parse.GetValue(verbose)),
        Console.Out, Console.Error, cancel);
});
root.Subcommands.Add(run);

var serveUrls = new Option<string>("--urls") { Description = $"Where to listen (default {Pipeline.Web.WebOptions.DefaultUrls}: this machine only).", DefaultValueFactory = _ => Pipeline.Web.WebOptions.DefaultUrls };
var serve = new Command("serve", "Serve the web interface (search, figures, charts, documents, extraction, sources) over the store and index.") { database, runIndex, serveUrls };
serve.SetAction((parse, cancel) => ServeCommands.Serve(parse.GetValue(database)!, parse.GetValue(runIndex)!, parse.GetValue(serveUrls)!, Console.Out, Console.Error, cancel));
root.Subcommands.Add(serve);

var reprocessAll = new Option<bool>("--all") { Description = "Re-read every stored article, not only those the current extractor has not read." };
var reprocess = new Command("reprocess", "Re-extract stored pages after an extractor change and re-index them; nothing is fetched.") { runSources, database, runIndex, reprocessAll, quiet, crawlJson, summaryFormat, wait };
reprocess.SetAction((parse, cancel) =>
{
    using var held = HoldStore(parse, existingOnly: true);
    return Task.FromResult(RunCommands.Reprocess(
        new RunOptions(parse.GetValue(runSources), parse.GetValue(database)!, parse.GetValue(runIndex)!, parse.GetValue(quiet), Json(parse)),
        parse.GetValue(reprocessAll), Console.Out, Console.Error, cancel));
});
root.Subcommands.Add(reprocess);

var stats = new Command("stats", "Counts by province, year, page type and metric; each source's last crawl and failures; facts reported differently.") { database, crawlJson, summaryFormat };
stats.SetAction(parse => StatsCommands.Stats(parse.GetValue(database)!, Json(parse), Console.Out, Console.Error));
root.Subcommands.Add(stats);

var exportFormat = new Option<string>("--format", "-f") { Description = "csv (default), jsonl or parquet.", DefaultValueFactory = _ => "csv" };
var exportOut = new Option<string?>("--out", "-o") { Description = "The folder to write figures.EXT, documents.EXT and tables.EXT into (created if missing)." };
var exportSince = new Option<string?>("--since") { Description = "Only documents published on or after this date (yyyy-MM-dd)." };
var export = new Command("export", "Write the stored figures, documents and table cells as a dataset: three tables, described in docs/dataset.md.") { exportFormat, exportOut, exportSince, province, database, quiet, crawlJson };
export.SetAction((parse, cancel) => ExportCommands.Export(
    new ExportOptions(parse.GetValue(exportFormat)!, parse.GetValue(exportOut), parse.GetValue(exportSince), parse.GetValue(province), parse.GetValue(database)!, parse.GetValue(quiet), parse.GetValue(crawlJson)),
    Console.Out, Console.Error, cancel));
root.Subcommands.Add(export);

var trainCorpus = new Option<string>("--corpus") { Description = "The gold corpus: documents beside a gold/ folder.", DefaultValueFactory = _ => "corpus/bulletins" };
var trainOut = new Option<string>("--out") { Description = "Where to write the models (metric-, measure-, page-classifier.zip), their cards and their rows.", DefaultValueFactory = _ => "models" };
var trainPages = new Option<string>("--pages") { Description = "The labelled articles for the page classifier: board folders of *.txt with a type: line.", DefaultValueFactory = _ => "corpus/sites/articles" };
var pagesOnly = new Option<bool>("--pages-only") { Description = "Train only the page classifier (models/page-classifier.md)." };
var train = new Command("train", "Train the metric and measure classifiers on the gold corpus and the page classifier on the labelled articles (see models/*.md).") { trainCorpus, trainOut, trainPages, pagesOnly };
train.SetAction(parse =>
{
    var code = parse.GetValue(pagesOnly) ? 0 : TrainCommands.Train(parse.GetValue(trainCorpus)!, parse.GetValue(trainOut)!, Console.Out, Console.Error);
    return code != 0 ? code : TrainCommands.TrainPages(parse.GetValue(trainPages)!, parse.GetValue(trainOut)!, Console.Out, Console.Error);
});
root.Subcommands.Add(train);

var config = new Option<string?>("--config") { Description = "A configuration file (default: $PIPELINE_CONFIG, else ./pipeline.json if present); see docs/configuration.md.", Recursive = true };
root.Options.Add(config);

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    // A usage error exits 2, as the README says, and shows only what was wrong and where help is.
    foreach (var error in parsed.Errors)
    {
        Console.Error.WriteLine($"pipeline: {error.Message}");
    }

    var path = new List<string>();
    for (var command = parsed.CommandResult.Command; command is not null; command = command.Parents.OfType<Command>().FirstOrDefault())
    {
        path.Insert(0, command is RootCommand ? "pipeline" : command.Name);
    }

    Console.Error.WriteLine($"Run '{string.Join(' ', path)} --help' for its options.");
    return 2;
}

// Known faults become one line and an exit code (docs/configuration.md); the file they name is the one the command was pointed at.
var scene = new FaultScene(TopLevel.ValueOf(parsed, database, indexDb), TopLevel.ValueOf(parsed, indexDir, runIndex));
return await TopLevel.InvokeAsync(parsed, scene, parsed.GetValue(verbose), Console.Error);

namespace Pipeline.Cli
{
    /// <summary>The command bodies, kept apart from argument parsing so tests can call them.</summary>
    public static class Commands
    {
        public static int Extract(IReadOnlyList<string> sources, ExtractFormat format, TextReader stdin, TextWriter stdout, TextWriter stderr, int parallel = 1, IProgress<InputProgress>? progress = null)
        {
            var results = Inputs.ReadAll(sources, stdin, parallel, progress: progress).ToList();
            foreach (var note in results.SelectMany(r => r.Notes))
            {
                stderr.WriteLine($"pipeline: {note.Source}: {note.Message}");
            }

            Output.Write([.. results.Where(r => r.Read is not null).Select(r => new ExtractResult(r.Read!.Document, r.Read.CleanText))], format, stdout);
            return results.Any(r => r.Failed) ? 1 : 0;
        }

        public static int RobotsCheck(string robotsFile, string agent, IReadOnlyList<string> urls, TextWriter stdout, TextWriter stderr)
        {
            var read = InputReader.Read(robotsFile, TextReader.Null);
            if (read.Text is null)
            {
                stderr.WriteLine($"pipeline: {robotsFile}: {read.Error}");
                return 1;
            }

            var policy = Pipeline.Crawling.Robots.RobotsPolicy.Parse(read.Text, agent);
            foreach (var url in urls)
            {
                stdout.WriteLine($"{(policy.IsAllowed(url) ? "allowed" : "disallowed")}\t{url}");
            }

            return 0;
        }

        public static int Numbers(string input, bool table, bool all, TextWriter stdout, TextWriter stderr)
        {
            var text = input;
            if (input == "-" || File.Exists(input))
            {
                var read = InputReader.Read(input, Console.In);
                if (read.Text is null)
                {
                    stderr.WriteLine($"pipeline: {input}: {read.Error}");
                    return 1;
                }

                text = DocumentExtractor.LooksLikeHtml(read.Text) ? DocumentExtractor.ArticleText(Pipeline.Extraction.Html.ArticleExtractor.Extract(read.Text)) : read.Text;
            }

            var prepared = PreparedText.From(text);
            Output.WriteNumbers(QuantityRecognizer.Scan(prepared.Clean, prepared.Key), table, all, stdout);
            return 0;
        }
    }
}
