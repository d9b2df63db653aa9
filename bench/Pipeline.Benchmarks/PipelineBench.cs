using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Pipeline.Crawling.Registry;
using Pipeline.Crawling.State;
using Pipeline.Extraction;
using Pipeline.Processing;
using Pipeline.Search;
using Pipeline.Sites;
using Pipeline.Storage;

/// <summary>
/// `-- pipeline N`: the offline half of the pipeline on N stored pages: HTML to text, figures,
/// store, index. The pages are the bundled sites' article pages (corpus/sites), each copy under its
/// own URL with its own body (a counter in a comment), stored as the crawler stores them. Prints
/// pages per second for the process and index stages, and the peak working set.
/// </summary>
public static class PipelineBench
{
    public static void Run(int pages)
    {
        var root = Corpus.Root;
        var registry = SourceRegistry.Load(Path.Combine(root, "corpus", "sites", "sources.json"));
        var sites = BundledSites.Build(Path.Combine(root, "corpus", "sites", "articles"), Pipeline.Application.Runs.BundledBoards(registry));
        var templates = sites.SelectMany(s => s.Articles.Select(a => (Site: s.Board.Name, s.Board.BaseUrl, a.Path, Body: s.Resources[a.Path].Body))).ToList();
        var folder = Directory.CreateTempSubdirectory("pipeline-bench-").FullName;
        var database = Path.Combine(folder, "pipeline.db");
        try
        {
            var watch = Stopwatch.StartNew();
            using (var store = CrawlStore.Open(database))
            {
                var run = store.StartRun("{}", DateTimeOffset.UtcNow);
                for (var i = 0; i < pages; i++)
                {
                    var (site, baseUrl, path, body) = templates[i % templates.Count];
                    var copy = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body) + $"<!-- {i} -->");
                    var url = new Uri(baseUrl, path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "copy=" + i);
                    var item = new FrontierItem(url, site, PageKind.Article, 1);
                    var page = new PageWrite(url, site, PageKind.Article, url, 200, "text/html; charset=utf-8", null, null,
                        Convert.ToHexStringLower(SHA256.HashData(copy)), DateTimeOffset.UtcNow, true, new Dictionary<string, string>(), copy);
                    store.Complete(run.Id, item, "done", new FetchLogEntry(url, site, PageKind.Article, DateTimeOffset.UtcNow, TimeSpan.Zero, 1, 200, "Ok", "new", copy.Length, null), page, []);
                }
            }

            Console.WriteLine($"{pages:N0} pages stored in {watch.Elapsed.TotalSeconds:F1} s ({templates.Count} distinct article pages, mean {templates.Average(t => t.Body.Length) / 1024:F0} KB); {Environment.ProcessorCount} cores");
            using var crawled = CrawlStore.Open(database);
            using var documents = DocumentStore.Open(database);
            watch.Restart();
            var process = new ProcessStage(crawled, documents, site => PageProcessor.Facts(registry.Named(site)!), _ => null).Run(DocumentExtractor.Version);
            var processSeconds = watch.Elapsed.TotalSeconds;
            Console.WriteLine($"process: {process.Documents:N0} documents, {process.Figures:N0} figures in {processSeconds:F1} s = {process.Documents / processSeconds:F0} pages/s; {process.Failed} failed");
            watch.Restart();
            using var index = SearchIndex.Open(Path.Combine(folder, "index"), Pipeline.Application.SearchLanguage.Vocabulary);
            var indexed = new IndexStage(documents, index).Run();
            var indexSeconds = watch.Elapsed.TotalSeconds;
            Console.WriteLine($"index:   {indexed.Indexed:N0} documents in {indexSeconds:F1} s = {indexed.Indexed / indexSeconds:F0} pages/s");
            Console.WriteLine($"offline pipeline (process + index): {pages / (processSeconds + indexSeconds):F0} pages/s; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024):N0} MB; database {new FileInfo(database).Length / (1024 * 1024):N0} MB");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
