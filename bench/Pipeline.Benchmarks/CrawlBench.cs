using System.Diagnostics;
using Pipeline.Crawling;
using Pipeline.Crawling.Fetching;
using Pipeline.Crawling.Registry;
using Pipeline.Crawling.Sites;
using Pipeline.Crawling.State;
using Pipeline.Processing;

/// <summary>
/// `-- crawl N`: the crawler against four portal-shaped sites on 127.0.0.1 with no delay, N
/// articles each (the corpus bulletins under new slugs), real decoding and page judging, the
/// SQLite store on disk. Prints pages per second for a first crawl and for a re-crawl.
/// </summary>
public static class CrawlBench
{
    public static void Run(int perSite) => RunAsync(perSite).GetAwaiter().GetResult();

    private static async Task RunAsync(int perSite)
    {
        var bulletins = Enumerable.Range(0, perSite).Select(i => Bulletins.All[i % Bulletins.All.Count] is var b ? b with { Slug = $"{b.Slug}-{i}" } : null!).ToList();
        var sites = new[]
        {
            PortalSite.SharePoint(bulletins),
            PortalSite.Liferay(bulletins),
            PortalSite.SharePoint(bulletins),
            PortalSite.Liferay(bulletins),
        };
        var servers = new List<PortalServer>();
        foreach (var site in sites)
        {
            site.Robots = "User-agent: *\nDisallow: /c/\nDisallow: /_layouts/\n"; // no Crawl-delay: this measures the crawler, not the politeness
            servers.Add(await PortalServer.StartAsync(site));
        }

        var registry = SourceRegistry.Parse("{\"sources\": [" + string.Join(",", servers.Select((s, i) =>
            $$"""{"name": "s{{i}}", "title": "Ban {{i}}", "province": "Bắc Ninh", "kind": "KCN", "base_url": "{{s.BaseUrl}}", "platform": "{{s.Site.Platform}}"}""")) + "]}");
        var folder = Directory.CreateTempSubdirectory("pipeline-crawl-bench-").FullName;
        var settings = new CrawlSettings { Delay = TimeSpan.Zero, ParallelHosts = 8 };
        Console.WriteLine($"{servers.Count} sites x {perSite} articles, zero delay, {Environment.ProcessorCount} cores");
        try
        {
            for (var pass = 1; pass <= 2; pass++)
            {
                using var store = CrawlStore.Open(Path.Combine(folder, "crawl.db"));
                using var fetcher = new PageFetcher(settings);
                IPageReader reader = Environment.GetEnvironmentVariable("CRAWL_BENCH_PLAIN") is null ? new PortalPageReader() : new Utf8Reader();
                var crawler = new Crawler(settings, store, fetcher, reader);
                var watch = Stopwatch.StartNew();
                var summary = await crawler.RunAsync(new CrawlRequest(registry.Sources), CancellationToken.None);
                watch.Stop();
                Console.WriteLine(
                    $"{(pass == 1 ? "first crawl" : "re-crawl   ")}: {summary.Fetched,6} pages ({summary.New} new, {summary.Unchanged} unchanged, {summary.Failed.Values.Sum()} failed) " +
                    $"in {watch.Elapsed.TotalSeconds:F2} s = {summary.Fetched / watch.Elapsed.TotalSeconds:F0} pages/s; peak memory {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB" +
                    (summary.Failed.Count > 0 ? "; failed: " + string.Join(", ", summary.Failed.Select(f => $"{f.Key} {f.Value}")) : ""));
            }
        }
        finally
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary>For comparison runs: bytes as UTF-8, no page judging.</summary>
internal sealed class Utf8Reader : IPageReader
{
    public string Decode(byte[] body, string? contentType) => System.Text.Encoding.UTF8.GetString(body);

    public PageVerdict Judge(string html, Uri url, Source source) => new(false, null);
}
