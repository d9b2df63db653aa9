using System.Diagnostics;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Pipeline.Extraction;
using Pipeline.Extraction.Numbers;

// `dotnet run -c Release --project bench/Pipeline.Benchmarks` runs the BenchmarkDotNet suite;
// `-- stages` prints a quick per-stage timing over the bundled corpus instead.
if (args is ["fuzz", ..])
{
    Fuzz.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1);
    return;
}

if (args is ["pipeline", ..])
{
    PipelineBench.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000);
    return;
}

if (args is ["load", var loadUrl, ..])
{
    // `load URL [--clients N] [--seconds S] [--pid PID]`: a bounded load run against a running `pipeline serve`.
    int? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : null;
    await WebLoad.RunAsync(loadUrl, Arg("--clients") ?? 32, Arg("--seconds") ?? 30, Arg("--pid"));
    return;
}

if (args is ["crawl", ..])
{
    CrawlBench.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000);
    return;
}

if (args is ["search", ..])
{
    // `search N --keep DIR`: index into DIR once and reuse it on later runs (query timings only).
    var keep = Array.IndexOf(args, "--keep") is var k and >= 0 && k + 1 < args.Length ? args[k + 1] : null;
    SearchBench.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000, keep);
    return;
}

if (args is ["web", var webIndex, ..])
{
    // `web DIR [N]`: the search page's time over HTTP on a kept index (see `search N --keep DIR`).
    await WebBench.RunAsync(webIndex, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1_000);
    return;
}

if (args is ["merge", var mergeFolder, var segments])
{
    // `merge DIR N`: force-merge a kept search index to N segments, to measure what the segment count costs a query.
    using var directory = Lucene.Net.Store.FSDirectory.Open(mergeFolder);
    using var writer = new Lucene.Net.Index.IndexWriter(directory, new Lucene.Net.Index.IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, new Lucene.Net.Analysis.Core.KeywordAnalyzer()));
    var merging = Stopwatch.StartNew();
    writer.ForceMerge(int.Parse(segments, System.Globalization.CultureInfo.InvariantCulture));
    writer.Commit();
    Console.WriteLine($"merged to {segments} segment(s) in {merging.Elapsed.TotalSeconds:0.0} s");
    return;
}

if (args is ["numbers-only", ..])
{
    var prepared = Corpus.Texts.Select(PreparedText.From).ToArray();
    var sw = Stopwatch.StartNew();
    while (sw.ElapsedMilliseconds < 8000)
    {
        foreach (var p in prepared)
        {
            QuantityRecognizer.Scan(p.Clean, p.Key);
        }
    }

    return;
}

if (args is ["loop", var layer, var passes])
{
    // A fixed number of passes of one layer over the corpus, for a profiler or for callgrind's instruction counts.
    Loop.Run(layer, int.Parse(passes, System.Globalization.CultureInfo.InvariantCulture));
    return;
}

if (args is ["cores", ..])
{
    CoresBench.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 8);
    return;
}

if (args is ["articles", ..])
{
    ArticleBench.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 50);
    return;
}

if (args is ["pieces", ..])
{
    Pieces.Run();
    return;
}

if (args is ["dump", var dumpPath])
{
    Equivalence.Run(dumpPath);
    return;
}

if (args is ["long", ..])
{
    LongInput.Run(args.Skip(1).Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture)));
    return;
}

if (args is ["ab", var buildA, var buildB, ..])
{
    // `ab DIR_A DIR_B [ROUNDS] [tables]`: two builds' figures layer alternating in one process, in thread CPU time.
    AlternatingBuilds.Run(buildA, buildB, args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 60, args.Contains("tables"));
    return;
}

if (args is ["stages", ..])
{
    Stages.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ExtractionBenchmarks).Assembly).Run(args);

/// <summary>The bundled bulletins, read once: the text every benchmark runs on.</summary>
public static class Corpus
{
    public static readonly string Root = FindRoot();

    public static readonly string[] Texts = Directory.GetFiles(Path.Combine(Root, "corpus", "bulletins"))
        .Where(p => p.EndsWith(".txt", StringComparison.Ordinal) || p.EndsWith(".html", StringComparison.Ordinal))
        .Order().Select(p => File.ReadAllText(p, Encoding.UTF8)).ToArray();

    /// <summary>The table pages (corpus/tables): per-zone, per-month and transposed tables, two header rows, a phone directory.</summary>
    public static readonly string[] Tables = Directory.GetFiles(Path.Combine(Root, "corpus", "tables"))
        .Where(p => p.EndsWith(".txt", StringComparison.Ordinal) || p.EndsWith(".html", StringComparison.Ordinal))
        .Order().Select(p => File.ReadAllText(p, Encoding.UTF8)).ToArray();

    public static long Chars => Texts.Sum(t => (long)t.Length);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}

/// <summary>The extractor's layers over the whole corpus: one operation is one pass over all its bulletins.</summary>
[MemoryDiagnoser]
public class ExtractionBenchmarks
{
    private PreparedText[] _prepared = [];
    private (PreparedText Text, Pipeline.Extraction.Documents.DocumentMetadata Metadata)[] _read = [];
    private (PreparedText Text, Pipeline.Extraction.Documents.DocumentMetadata Metadata)[] _tables = [];

    [GlobalSetup]
    public void Setup()
    {
        _prepared = Corpus.Texts.Select(PreparedText.From).ToArray();
        _read = Corpus.Texts.Select(t => DocumentExtractor.Read(t)).ToArray();
        _tables = Corpus.Tables.Select(t => DocumentExtractor.Read(t)).ToArray();
    }

    [Benchmark(Description = "prepare: clean, fold, split")]
    public int Prepare() => Corpus.Texts.Sum(t => PreparedText.From(t).Sentences.Count);

    [Benchmark(Description = "numbers layer")]
    public int Numbers() => _prepared.Sum(p => QuantityRecognizer.Scan(p.Clean, p.Key).Quantities.Count);

    [Benchmark(Description = "figures layer (numbers, periods, figures)")]
    public int Figures() => _read.Sum(r => DocumentExtractor.Extract("b", r.Text, r.Metadata).Figures.Count);

    [Benchmark(Description = "figures layer on the table pages")]
    public int FiguresOnTables() => _tables.Sum(r => DocumentExtractor.Extract("t", r.Text, r.Metadata).Figures.Count);

    [Benchmark(Description = "whole document from raw text or HTML")]
    public int Document() => Corpus.Texts.Sum(t => DocumentExtractor.Extract("b", t).Figures.Count);
}

/// <summary>A quick stopwatch view of where a document's time goes, for finding hot spots.</summary>
public static class Stages
{
    public static void Run()
    {
        var texts = Corpus.Texts;
        var mb = Corpus.Chars * 2 / 1e6; // UTF-16 bytes
        Time("read+prepare", texts.Length, () => texts.Select(t => DocumentExtractor.Read(t)).ToArray());
        var read = texts.Select(t => DocumentExtractor.Read(t)).ToArray();
        Time("numbers", texts.Length, () => read.Select(r => QuantityRecognizer.Scan(r.Text.Clean, r.Text.Key)).ToArray());
        Time("figures layer", texts.Length, () => read.Select(r => DocumentExtractor.Extract("b", r.Text, r.Metadata)).ToArray());
        Time("whole", texts.Length, () => texts.Select(t => DocumentExtractor.Extract("b", t)).ToArray());
        Console.WriteLine($"corpus: {texts.Length} documents, {Corpus.Chars / 1024} K chars ({mb:0.00} MB as UTF-16, {Encoding.UTF8.GetByteCount(string.Concat(texts)) / 1e6:0.00} MB as UTF-8)");
    }

    private static void Time<T>(string name, int docs, Func<T> work)
    {
        var perPass = Repeat.MillisecondsPerRun(work, 2000);
        var utf8 = Encoding.UTF8.GetByteCount(string.Concat(Corpus.Texts)) / 1e6;
        Console.WriteLine($"{name,-16} {perPass,8:0.0} ms per corpus pass, {perPass / docs:0.000} ms/doc, {utf8 / (perPass / 1000):0.0} MB/s (UTF-8)");
    }
}

/// <summary>N passes of one layer over the corpus: read, numbers, figures (the figures layer on read texts), whole, or tables (the figures layer on the table pages).</summary>
public static class Loop
{
    public static void Run(string layer, int passes)
    {
        var read = Corpus.Texts.Select(t => DocumentExtractor.Read(t)).ToArray();
        var tables = Corpus.Tables.Select(t => DocumentExtractor.Read(t)).ToArray();
        var sum = 0;
        for (var pass = 0; pass < passes; pass++)
        {
            sum += layer switch
            {
                "read" => Corpus.Texts.Sum(t => DocumentExtractor.Read(t).Text.Sentences.Count),
                "numbers" => read.Sum(r => QuantityRecognizer.Scan(r.Text.Clean, r.Text.Key).Quantities.Count),
                "figures" => read.Sum(r => DocumentExtractor.Extract("b", r.Text, r.Metadata).Figures.Count),
                "whole" => Corpus.Texts.Sum(t => DocumentExtractor.Extract("b", t).Figures.Count),
                "tables" => tables.Sum(r => DocumentExtractor.Extract("t", r.Text, r.Metadata).Figures.Count),
                _ => throw new ArgumentException("layer: read, numbers, figures, whole or tables"),
            };
        }

        Console.WriteLine($"{passes} passes of {layer}: {sum}");
    }
}

/// <summary>Timings of the suspected hot pieces, one by one.</summary>
public static class Pieces
{
    public static void Run()
    {
        var keys = Corpus.Texts.Select(t => PreparedText.From(t).Key).ToArray();
        foreach (var trap in Trap.All)
        {
            Measure("trap " + trap.Name, () => keys.Sum(k => trap.Pattern.Count(k)));
        }

        Measure("words regex", () => keys.Sum(k => System.Text.RegularExpressions.Regex.Count(k, @"\p{L}+")));
        Measure("periods", () => keys.Sum(k => Pipeline.Extraction.Figures.PeriodRecognizer.Find(k, 2020).Count));
        Measure("cue index", () => keys.Sum(k => new Pipeline.Extraction.Figures.DocumentCues(k).Metrics.Within(0, 10).Count()));
        Measure("fold", () => Corpus.Texts.Sum(t => Pipeline.Extraction.Text.MatchKey.Fold(t).Length));
    }

    private static void Measure(string name, Func<int> work)
    {
        var ms = Repeat.MillisecondsPerRun(work, 500);
        Console.WriteLine($"{name,-24} {ms,8:0.00} ms per corpus pass");
    }
}

/// <summary>Runs a piece of work once to warm up, then repeatedly for a time budget; the mean per run.</summary>
public static class Repeat
{
    public static double MillisecondsPerRun<T>(Func<T> work, int budgetMilliseconds)
    {
        work();
        var sw = Stopwatch.StartNew();
        var runs = 0;
        while (sw.ElapsedMilliseconds < budgetMilliseconds)
        {
            work();
            runs++;
        }

        return sw.Elapsed.TotalMilliseconds / runs;
    }
}
